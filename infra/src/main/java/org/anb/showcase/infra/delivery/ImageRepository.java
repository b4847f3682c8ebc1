package org.anb.showcase.infra.delivery;

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

/** An ECR repository as both programs make them: scanned on push, encrypted, keeping only the last images. */
public final class ImageRepository {
    private ImageRepository() {
    }

    /** @param tagMutability {@code IMMUTABLE} where a tag must always name the same bytes */
    public static Repository create(String name, String tagMutability, int keepImages, Map<String, String> tags,
                                    CustomResourceOptions options) {
        var repository = new Repository(name, RepositoryArgs.builder().name(name).imageTagMutability(tagMutability)
                .imageScanningConfiguration(RepositoryImageScanningConfigurationArgs.builder().scanOnPush(true).build())
                .encryptionConfigurations(RepositoryEncryptionConfigurationArgs.builder().encryptionType("AES256").build())
                .tags(tags).build(), options);
        new LifecyclePolicy(name, LifecyclePolicyArgs.builder().repository(repository.name())
                .policy(Policies.json(Map.of("rules", List.of(Map.of(
                        "rulePriority", 1, "description", "keep the last " + keepImages + " images",
                        "selection", Map.of("tagStatus", "any", "countType", "imageCountMoreThan",
                                "countNumber", keepImages),
                        "action", Map.of("type", "expire"))))))
                .build(), options);
        return repository;
    }
}
