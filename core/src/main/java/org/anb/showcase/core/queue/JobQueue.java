package org.anb.showcase.core.queue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The processing-jobs queue over the SQS protocol. Sending is synchronous: a returned id means SQS has the job. */
public final class JobQueue implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final QueueSettings settings;
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    public JobQueue(QueueSettings settings) {
        this.settings = settings;
        var builder = SqsClient.builder()
                .region(settings.endpoint().region())
                .credentialsProvider(settings.endpoint().credentials())
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(25)))
                // Fail fast: a request thread must not hang while the queue is away.
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(30)));
        settings.endpoint().endpoint().ifPresent(builder::endpointOverride);
        this.sqs = builder.build();
    }

    /** Puts the job on the queue and answers SQS's message id. Throws if the queue cannot be reached. */
    public String send(ProcessingJob job) {
        return sqs.sendMessage(b -> b.queueUrl(jobsQueueUrl()).messageBody(encode(job))).messageId();
    }

    /** Cheap reachability probe for health checks. */
    public void ping() {
        sqs.getQueueAttributes(b -> b.queueUrl(jobsQueueUrl()).attributeNamesWithStrings("ApproximateNumberOfMessages"));
    }

    /** Jobs waiting to be received (SQS's approximate count of visible messages). */
    public int waitingJobs() {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(jobsQueueUrl())
                        .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings()
                .getOrDefault("ApproximateNumberOfMessages", "0"));
    }

    public String jobsQueueUrl() {
        return urlOf(settings.jobsQueue());
    }

    public String deadLetterQueueUrl() {
        return urlOf(settings.deadLetterQueue());
    }

    public SqsClient client() {
        return sqs;
    }

    public static String encode(ProcessingJob job) {
        return "{\"video_id\":\"" + job.videoId() + "\"}";
    }

    /** Reads a message body; throws IllegalArgumentException for anything that is not a job. */
    public static ProcessingJob decode(String body) {
        try {
            return new ProcessingJob(UUID.fromString(JSON.readTree(body).path("video_id").asText()));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a processing job: " + e.getMessage(), e);
        }
    }

    private String urlOf(String nameOrUrl) {
        if (nameOrUrl.startsWith("http://") || nameOrUrl.startsWith("https://")) {
            return nameOrUrl;
        }
        return urls.computeIfAbsent(nameOrUrl, name -> sqs.getQueueUrl(b -> b.queueName(name)).queueUrl());
    }

    @Override
    public void close() {
        sqs.close();
    }
}
