package org.anb.showcase.core.storage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The media bucket: every S3 call the API and the worker make goes through here. */
public final class ObjectStore implements AutoCloseable {
    private static final int NOT_FOUND = 404;

    private final StorageSettings settings;
    private final S3Client s3;
    private final S3Presigner presigner;

    public ObjectStore(StorageSettings settings) {
        this.settings = settings;
        S3Configuration s3Config = S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build();
        var builder = S3Client.builder()
                .region(settings.endpoint().region())
                .credentialsProvider(settings.endpoint().credentials())
                .serviceConfiguration(s3Config)
                // Checksums only where S3 requires them: S3-compatible servers differ on the newer trailers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64)
                        .connectionTimeout(Duration.ofSeconds(3)));
        var presignerBuilder = S3Presigner.builder()
                .region(settings.endpoint().region())
                .credentialsProvider(settings.endpoint().credentials())
                .serviceConfiguration(s3Config);
        settings.endpoint().endpoint().ifPresent(uri -> {
            builder.endpointOverride(uri);
            presignerBuilder.endpointOverride(uri);
        });
        this.s3 = builder.build();
        this.presigner = presignerBuilder.build();
    }

    public String bucket() {
        return settings.bucket();
    }

    /** A writer that streams to {@code key} in bounded parts; nothing is visible until it is closed. */
    public MultipartObjectWriter openWriter(String key, String contentType) {
        return new MultipartObjectWriter(s3, settings.bucket(), key, contentType);
    }

    public void upload(String key, Path file, String contentType) {
        s3.putObject(b -> b.bucket(settings.bucket()).key(key).contentType(contentType), RequestBody.fromFile(file));
    }

    public void download(String key, Path target) {
        s3.getObject(b -> b.bucket(settings.bucket()).key(key), ResponseTransformer.toFile(target));
    }

    /** The object's size in bytes, or empty when there is no such object. */
    public Optional<Long> size(String key) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(settings.bucket()).key(key));
            return Optional.of(head.contentLength());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The first {@code length} bytes of an object (fewer if it is shorter). */
    public byte[] readPrefix(String key, int length) {
        try (ResponseInputStream<GetObjectResponse> in =
                     s3.getObject(b -> b.bucket(settings.bucket()).key(key).range("bytes=0-" + (length - 1)))) {
            return in.readNBytes(length);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Copies an object inside the bucket (server-side: the bytes do not pass through us). */
    public void copy(String fromKey, String toKey) {
        s3.copyObject(b -> b.sourceBucket(settings.bucket()).sourceKey(fromKey)
                .destinationBucket(settings.bucket()).destinationKey(toKey));
    }

    /** Deletes the object; deleting one that does not exist is not an error (S3 semantics). */
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(settings.bucket()).key(key));
    }

    /**
     * A URL a browser can GET: for processed media the public (CDN) URL when configured; otherwise — and always for
     * an owner's original, which the CDN does not serve — a presigned one.
     */
    public URI browserUrl(String key, Duration validity) {
        if (settings.publicBaseUrl().isPresent() && key.startsWith(ObjectKeys.PROCESSED_PREFIX)) {
            return URI.create(settings.publicBaseUrl().get() + "/" + key);
        }
        return URI.create(presigner.presignGetObject(p -> p.signatureDuration(validity)
                .getObjectRequest(g -> g.bucket(settings.bucket()).key(key))).url().toString());
    }

    /** Where browsers reach the bucket (scheme, host, port): what the site's policy must allow, and nothing else. */
    public String browserOrigin() {
        java.net.URI url = java.net.URI.create(s3.utilities().getUrl(b -> b.bucket(settings.bucket()).key("x")).toString());
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    /** A browser-form POST that may put at most {@code maxBytes} at exactly {@code key}, until it expires. */
    public PresignedPost presignPost(String key, long maxBytes, Duration validity) {
        String objectUrl = s3.utilities().getUrl(b -> b.bucket(settings.bucket()).key(key)).toString();
        String postUrl = objectUrl.substring(0, objectUrl.length() - key.length() - 1);
        return PostPolicySigner.sign(postUrl, settings.bucket(), key, maxBytes, validity,
                settings.endpoint().region().id(), settings.endpoint().credentials().resolveCredentials());
    }

    /** Cheap reachability probe for health checks. */
    public void ping() {
        s3.headBucket(b -> b.bucket(settings.bucket()));
    }

    /** For the local mode and tests: make the bucket if it does not exist yet. */
    public void ensureBucket() {
        try {
            ping();
        } catch (S3Exception e) {
            s3.createBucket(b -> b.bucket(settings.bucket()));
        }
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }
}
