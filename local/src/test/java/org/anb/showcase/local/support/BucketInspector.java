package org.anb.showcase.local.support;

import java.util.List;

import org.anb.showcase.core.aws.AwsEndpoint;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Lists what is really in the bucket, including unfinished multipart uploads, to prove nothing was left behind. */
public final class BucketInspector {
    private BucketInspector() {
    }

    public static List<String> keysUnder(String prefix) {
        try (S3Client s3 = client()) {
            return s3.listObjectsV2(b -> b.bucket(TestPlatform.store().bucket()).prefix(prefix)).contents().stream()
                    .map(S3Object::key).toList();
        }
    }

    public static int pendingMultipartUploadsUnder(String prefix) {
        try (S3Client s3 = client()) {
            return s3.listMultipartUploads(b -> b.bucket(TestPlatform.store().bucket()).prefix(prefix)).uploads().size();
        }
    }

    private static S3Client client() {
        AwsEndpoint endpoint = AwsEndpoint.from(TestPlatform.platform().config().get("storage"));
        return S3Client.builder().region(endpoint.region()).credentialsProvider(endpoint.credentials())
                .endpointOverride(endpoint.endpoint().orElseThrow()).forcePathStyle(true).build();
    }
}
