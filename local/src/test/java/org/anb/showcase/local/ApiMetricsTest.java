package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.SampleVideos;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;

/**
 * The API reports in Prometheus text, as the worker does: its requests by route template and status, accepted
 * upload sizes, and its database pool.
 */
class ApiMetricsTest {

    @Test
    void requestsAreCountedByRouteTemplateAndStatusAtObserveMetrics() {
        ApiClient api = TestPlatform.api();
        assertThat(api.get("/api/public/rankings?page=1&page_size=5", null).status()).isEqualTo(200);
        assertThat(api.get("/api/videos/00000000-0000-0000-0000-000000000000", null).status()).isEqualTo(401);
        ApiClient.Player player = api.newPlayer("Cali");
        assertThat(api.upload(player.token(), ApiClient.Multipart.builder()
                .file("video_file", SampleVideos.smallMp4()).field("title", "medida")).status()).isEqualTo(201);

        ApiClient.Reply metrics = api.get("/observe/metrics", null);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw())
                .containsPattern("anb_api_requests_seconds_count\\{[^}]*route=\"/api/public/rankings\"[^}]*status=\"200\"")
                .containsPattern("anb_api_requests_seconds_count\\{[^}]*route=\"/api/videos/\\{video_id}\"[^}]*status=\"401\"")
                .contains("anb_api_requests_seconds_bucket")
                .containsPattern("anb_api_upload_bytes_count(\\{[^}]*})? [1-9]")
                .contains("anb_api_upload_bytes_sum")
                .as("the database pool: in use, idle, waiting")
                .contains("hikaricp_connections_active", "hikaricp_connections_idle", "hikaricp_connections_pending")
                .as("the shared public pages: hits and misses")
                .containsPattern("cache_gets_total\\{[^}]*cache=\"public_pages\"")
                .doesNotContain("00000000-0000-0000-0000-000000000000");
    }
}
