package org.anb.showcase.local;

import java.net.URI;
import java.util.Map;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An SQS-protocol server (ElasticMQ) with the jobs queue and its dead-letter queue wired as in AWS: after
 * {@link #MAX_RECEIVES} receives a message moves to the DLQ. ElasticMQ keeps messages in memory; what a restart
 * loses, the API's upload sweeper re-enqueues from the database.
 */
final class EmbeddedQueueServer implements AutoCloseable {
    static final String JOBS_QUEUE = "anb-video-jobs";
    static final String DEAD_LETTER_QUEUE = "anb-video-jobs-dlq";
    static final int MAX_RECEIVES = 5;
    static final int VISIBILITY_TIMEOUT_SECONDS = 120;

    private final SQSRestServer server;
    private final URI endpoint;

    private EmbeddedQueueServer(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    static EmbeddedQueueServer start(int port) {
        SQSRestServer server = SQSRestServerBuilder.withPort(port).withInterface("127.0.0.1")
                .withServerAddress(new NodeAddress("http", "localhost", port, ""))
                .start();
        server.waitUntilStarted();
        EmbeddedQueueServer queues = new EmbeddedQueueServer(server, URI.create("http://localhost:" + port));
        queues.createQueues();
        return queues;
    }

    URI endpoint() {
        return endpoint;
    }

    private void createQueues() {
        try (SqsClient sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalPlatform.ACCESS_KEY, LocalPlatform.SECRET_KEY)))
                .build()) {
            String dlqUrl = sqs.createQueue(b -> b.queueName(DEAD_LETTER_QUEUE)).queueUrl();
            String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            sqs.createQueue(b -> b.queueName(JOBS_QUEUE).attributes(Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(VISIBILITY_TIMEOUT_SECONDS),
                    QueueAttributeName.REDRIVE_POLICY,
                    "{\"maxReceiveCount\":\"" + MAX_RECEIVES + "\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}")));
        }
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
