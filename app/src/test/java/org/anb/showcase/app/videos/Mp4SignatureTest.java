package org.anb.showcase.app.videos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Mp4SignatureTest {

    @ParameterizedTest(name = "ftyp brand \"{0}\"")
    @ValueSource(strings = {"isom", "iso2", "mp41", "mp42", "qt  ", "M4V ", "M4A ", "3gp4", "3gp5", "3g2a", "avc1",
            "dash", "f4v ", "XAVC", "heic", "crx "})
    void acceptsEveryIsoBaseMediaBrandWhateverItHolds(String brand) {
        assertThat(Mp4Signature.matches(head(0x18, "ftyp", brand))).isTrue();
    }

    @Test
    void acceptsOldQuickTimeFilesThatDoNotStartWithFtyp() {
        assertThat(Mp4Signature.matches(head(8, "wide", "\0\0\0\0"))).as("wide then mdat").isTrue();
        assertThat(Mp4Signature.matches(head(0x6c, "moov", "\0\0\0\u006c"))).as("moov first").isTrue();
        assertThat(Mp4Signature.matches(head(1, "mdat", "\0\0\0\0"))).as("64-bit mdat").isTrue();
    }

    @Test
    void refusesWhatIsClearlyNotAnIsoBaseMediaFile() {
        assertThat(Mp4Signature.matches("RIFF....AVI LIST".getBytes(StandardCharsets.ISO_8859_1))).as("AVI").isFalse();
        assertThat(Mp4Signature.matches(new byte[] {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3, 0, 0, 0, 0, 0, 0, 0, 0}))
                .as("Matroska/WebM").isFalse();
        assertThat(Mp4Signature.matches("%PDF-1.7\n%\u00e2\u00e3".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(Mp4Signature.matches(head(0x18, "ftyp", "\0\1\2\3"))).as("ftyp with a binary brand").isFalse();
        assertThat(Mp4Signature.matches(head(8, "ftyp", "isom"))).as("ftyp too small for a brand").isFalse();
        assertThat(Mp4Signature.matches(head(4, "free", "\0\0\0\0"))).as("a box smaller than its header").isFalse();
        assertThat(Mp4Signature.matches(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p'})).isFalse();
        assertThat(Mp4Signature.matches(new byte[0])).isFalse();
    }

    private static byte[] head(int size, String type, String rest) {
        byte[] bytes = ("\0\0\0\0" + type + rest).getBytes(StandardCharsets.ISO_8859_1);
        bytes[3] = (byte) size;
        return bytes;
    }
}
