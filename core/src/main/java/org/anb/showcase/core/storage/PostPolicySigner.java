package org.anb.showcase.core.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Signs an S3 POST policy (Signature V4).
 *
 * <p>Why our own: AWS SDK for Java v2 has no presigned POST (aws-sdk-java-v2 issue #1493); the algorithm is AWS's
 * documented "Browser-based uploads using POST" recipe, and S3Proxy verifies it the same way S3 does. The policy
 * pins the exact key, a {@code content-length-range} and the Content-Type ({@code video/mp4}), so the client cannot
 * choose where or how much it writes, nor have the bucket serve its bytes as anything but a video.
 */
final class PostPolicySigner {
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String CONTENT_TYPE = "video/mp4";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private PostPolicySigner() {
    }

    static PresignedPost sign(String url, String bucket, String key, long maxBytes, Duration validity,
                              String region, AwsCredentials credentials) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(validity);
        String dateStamp = DATE_STAMP.format(now);
        String credential = credentials.accessKeyId() + "/" + dateStamp + "/" + region + "/s3/aws4_request";

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("Content-Type", CONTENT_TYPE);
        fields.put("x-amz-algorithm", ALGORITHM);
        fields.put("x-amz-credential", credential);
        fields.put("x-amz-date", AMZ_DATE.format(now));
        if (credentials instanceof AwsSessionCredentials session) {
            fields.put("x-amz-security-token", session.sessionToken());
        }

        List<Object> conditions = new ArrayList<>();
        conditions.add(Map.of("bucket", bucket));
        fields.forEach((name, value) -> conditions.add(Map.of(name, value)));
        conditions.add(List.of("content-length-range", 1, maxBytes));
        Map<String, Object> policy = Map.of("expiration", expiresAt.toString(), "conditions", conditions);

        String encodedPolicy = Base64.getEncoder().encodeToString(toJson(policy));
        byte[] signingKey = hmac(hmac(hmac(hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8),
                dateStamp), region), "s3"), "aws4_request");
        fields.put("policy", encodedPolicy);
        fields.put("x-amz-signature", HexFormat.of().formatHex(hmac(signingKey, encodedPolicy)));
        return new PresignedPost(url, java.util.Collections.unmodifiableMap(fields), expiresAt);
    }

    private static byte[] toJson(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
