package org.anb.showcase.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/** An S3-protocol server (S3Proxy) storing objects as files under the data directory, checking SigV4 signatures. */
final class EmbeddedObjectStore implements AutoCloseable {
    private final S3Proxy proxy;
    private final URI endpoint;

    private EmbeddedObjectStore(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    static EmbeddedObjectStore start(Path dir, int port) {
        try {
            Files.createDirectories(dir);
            URI endpoint = URI.create("http://localhost:" + port);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new FilesystemNio2BlobStore(dir.toString()))
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, LocalPlatform.ACCESS_KEY, LocalPlatform.SECRET_KEY)
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

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
