package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.anb.showcase.local.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a CDN configured (as in AWS), processed media is linked through it, but an owner's original — which the CDN
 * does not serve (its bucket policy admits CloudFront to processed/ only) — is always a presigned URL that works.
 */
class MediaLinksTest {

    @Test
    void theOriginalIsPresignedEvenWhenProcessedMediaGoesThroughTheCdn(@TempDir Path dir) throws Exception {
        try (LocalPlatform platform = LocalPlatform.start(LocalSettings.ephemeral(dir), Map.of("auth.bcrypt-cost", "4",
                "worker.enabled", "false", "storage.public-base-url", "https://cdn.example.test/media"))) {
            ApiClient api = ApiClient.at(platform.apiUrl());
            ApiClient.Player player = api.newPlayer("Cali");
            UUID video = api.uploadSample(player, "original");

            JsonNode detail = api.get("/api/videos/" + video, player.token()).body();

            String original = detail.path("original_url").asText();
            assertThat(original).doesNotStartWith("https://cdn.example.test").contains("X-Amz-Signature=");
            var download = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(original)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isNotEmpty();
        }
    }
}
