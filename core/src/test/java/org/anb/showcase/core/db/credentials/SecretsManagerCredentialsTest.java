package org.anb.showcase.core.db.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The production source, through the real AWS SDK client, against a stand-in that answers Secrets Manager's
 * GetSecretValue as AWS documents it (no Secrets Manager server runs here): the request names the secret, the
 * answer's JSON is read as RDS writes it, and a failure names the secret and nothing secret.
 */
class SecretsManagerCredentialsTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-1234";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer;
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestHeaders().getFirst("X-Amz-Target") + " "
                + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private CredentialSource source() {
        return CredentialSource.from(Config.just(ConfigSources.create(Map.of(
                "credentials.secret-id", ARN,
                "credentials.region", "us-east-1",
                "credentials.endpoint", "http://127.0.0.1:" + server.getAddress().getPort(),
                "credentials.access-key-id", "test", "credentials.secret-access-key", "test",
                "connection.username", "ignored", "connection.password", "ignored"))));
    }

    @Test
    void readsTheSecretAsRdsKeepsIt() {
        answer = """
                {"ARN": "%s", "Name": "rds!db-1234", "VersionId": "v7", "VersionStages": ["AWSCURRENT"],
                 "SecretString": "{\\"username\\":\\"anb\\",\\"password\\":\\"s3cr3t\\"}"}""".formatted(ARN);
        try (CredentialSource source = source()) {
            assertThat(source.read()).isEqualTo(new DatabaseCredentials("anb", "s3cr3t"));
            assertThat(source.describe()).isEqualTo("the secret " + ARN).doesNotContain("s3cr3t");
        }
        assertThat(requests).singleElement().asString()
                .startsWith("secretsmanager.GetSecretValue").contains("\"SecretId\":\"" + ARN + "\"");
    }

    @Test
    void aMissingSecretOrAMalformedOneFailsNamingTheSecretOnly() {
        status = 400;
        answer = "{\"__type\": \"ResourceNotFoundException\", \"message\": \"Secrets Manager can't find it.\"}";
        try (CredentialSource source = source()) {
            assertThatThrownBy(source::read).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot read the secret " + ARN);
        }
        status = 200;
        answer = "{\"ARN\": \"%s\", \"SecretString\": \"{\\\"username\\\":\\\"anb\\\",\\\"password\\\":\\\"s3cr3t\"}"
                .formatted(ARN);
        try (CredentialSource source = source()) {
            assertThatThrownBy(source::read).hasMessage("the secret " + ARN + " is not JSON")
                    .hasNoCause().message().doesNotContain("s3cr3t");
        }
    }
}
