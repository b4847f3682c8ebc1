package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;

/** The API reports its requests by route template and status in Prometheus text, as the worker does. */
class ApiMetricsTest {

    @Test
    void requestsAreCountedByRouteTemplateAndStatusAtObserveMetrics() {
        ApiClient api = TestPlatform.api();
        assertThat(api.get("/api/public/rankings?page=1&page_size=5", null).status()).isEqualTo(200);
        assertThat(api.get("/api/videos/00000000-0000-0000-0000-000000000000", null).status()).isEqualTo(401);

        ApiClient.Reply metrics = api.get("/observe/metrics", null);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw())
                .containsPattern("anb_api_requests_seconds_count\\{[^}]*route=\"/api/public/rankings\"[^}]*status=\"200\"")
                .containsPattern("anb_api_requests_seconds_count\\{[^}]*route=\"/api/videos/\\{video_id}\"[^}]*status=\"401\"")
                .contains("anb_api_requests_seconds_bucket")
                .doesNotContain("00000000-0000-0000-0000-000000000000");
    }
}
