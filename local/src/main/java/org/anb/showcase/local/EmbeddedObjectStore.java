package org.anb.showcase.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An S3-protocol server (S3Proxy) storing objects as files under the data directory, checking SigV4 signatures. Like
 * the AWS bucket's CORS rules, it lets the site's own origin POST a presigned upload and read what it stores.
 */
final class EmbeddedObjectStore implements AutoCloseable {
    private final S3Proxy proxy;
    private final URI endpoint;

    private EmbeddedObjectStore(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    /** @param siteOrigins where the browser front end is served, e.g. {@code http://localhost:8080} */
    static EmbeddedObjectStore start(Path dir, int port, List<String> siteOrigins) {
        try {
            Files.createDirectories(dir);
            URI endpoint = URI.create("http://localhost:" + port);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new FilesystemNio2BlobStore(dir.toString()))
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, LocalPlatform.ACCESS_KEY, LocalPlatform.SECRET_KEY)
                    .corsRules(corsFor(siteOrigins))
                    .build();
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(20);
            }
            return new EmbeddedObjectStore(proxy, endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded S3 server on port " + port, e);
        }
    }

    /** S3Proxy reads allowed origins as patterns: each origin is quoted, and its 127.0.0.1 spelling allowed too. */
    private static CrossOriginResourceSharing corsFor(List<String> siteOrigins) {
        List<String> origins = siteOrigins.stream().flatMap(origin -> java.util.stream.Stream.of(
                Pattern.quote(origin), Pattern.quote(origin.replace("//localhost:", "//127.0.0.1:")))).toList();
        return new CrossOriginResourceSharing(origins, List.of("GET", "HEAD", "POST"), List.of("*"),
                List.of("ETag"), "");
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
