package org.anb.showcase.infra.bootstrap;

import org.anb.showcase.infra.Policies;

import java.util.List;
import java.util.Map;

import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.LifecyclePolicyArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.aws.ecr.inputs.RepositoryEncryptionConfigurationArgs;
import com.pulumi.aws.ecr.inputs.RepositoryImageScanningConfigurationArgs;
import com.pulumi.resources.CustomResourceOptions;

/**
 * The repositories the pipeline pushes each commit's two images to, tagged with the commit: tags are immutable (a
 * commit's tag always names the bytes it was built as), and the last {@value #KEEP_IMAGES} images stay, so a rollback
 * to any recent commit deploys its recorded digests without a rebuild.
 */
public record PipelineRepositories(Repository api, Repository worker) {
    public static final String API = "anb-showcase/api";
    public static final String WORKER = "anb-showcase/worker";
    static final int KEEP_IMAGES = 100;

    static PipelineRepositories create(CustomResourceOptions options) {
        return new PipelineRepositories(repository(API, options), repository(WORKER, options));
    }

    private static Repository repository(String name, CustomResourceOptions options) {
        var repository = new Repository(name, RepositoryArgs.builder().name(name).imageTagMutability("IMMUTABLE")
                .imageScanningConfiguration(RepositoryImageScanningConfigurationArgs.builder().scanOnPush(true).build())
                .encryptionConfigurations(RepositoryEncryptionConfigurationArgs.builder().encryptionType("AES256").build())
                .build(), CustomResourceOptions.merge(options, CustomResourceOptions.builder().protect(true).build()));
        new LifecyclePolicy(name, LifecyclePolicyArgs.builder().repository(repository.name())
                .policy(Policies.json(Map.of("rules", List.of(Map.of(
                        "rulePriority", 1, "description", "keep the last " + KEEP_IMAGES + " images",
                        "selection", Map.of("tagStatus", "any", "countType", "imageCountMoreThan",
                                "countNumber", KEEP_IMAGES),
                        "action", Map.of("type", "expire"))))))
                .build(), options);
        return repository;
    }
}
