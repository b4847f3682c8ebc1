package org.anb.showcase.app.observe;

import io.helidon.metrics.api.DistributionSummary;
import io.helidon.metrics.api.Metrics;

/**
 * The size of every accepted upload, whichever way it came (multipart or direct to S3): {@code anb_api_upload_bytes}
 * with its count and sum, so operators see how much players upload and how fast storage grows.
 */
public final class UploadMetrics {
    private final DistributionSummary sizes = Metrics.globalRegistry().getOrCreate(
            DistributionSummary.builder("anb_api_upload_bytes").baseUnit("bytes")
                    .description("Sizes of accepted uploads"));

    public void accepted(long bytes) {
        sizes.record(bytes);
    }
}
