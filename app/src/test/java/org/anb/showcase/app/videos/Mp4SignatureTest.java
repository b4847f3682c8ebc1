package org.anb.showcase.app.videos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class Mp4SignatureTest {

    @Test
    void acceptsIsoBaseMediaVideoBrands() {
        assertThat(Mp4Signature.matches(head("isom"))).isTrue();
        assertThat(Mp4Signature.matches(head("mp42"))).isTrue();
        assertThat(Mp4Signature.matches(head("M4V "))).isTrue();
    }

    @Test
    void refusesOtherContainersAndImageBrandsAndShortInput() {
        assertThat(Mp4Signature.matches(head("heic"))).as("HEIC image").isFalse();
        assertThat(Mp4Signature.matches(head("avif"))).as("AVIF image").isFalse();
        assertThat(Mp4Signature.matches(head("qt  "))).as("QuickTime").isFalse();
        assertThat(Mp4Signature.matches("RIFF....AVI ".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(Mp4Signature.matches(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p'})).isFalse();
        assertThat(Mp4Signature.matches(new byte[0])).isFalse();
    }

    private static byte[] head(String brand) {
        return ("\0\0\0\u0018ftyp" + brand).getBytes(StandardCharsets.ISO_8859_1);
    }
}
