package org.anb.showcase.infra.delivery;

import org.anb.showcase.infra.Policies;
import org.anb.showcase.infra.StackConfig;
import org.anb.showcase.infra.Tags;

import java.util.List;
import java.util.Map;

import com.pulumi.aws.ecr.EcrFunctions;
import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.LifecyclePolicyArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.aws.ecr.inputs.GetAuthorizationTokenArgs;
import com.pulumi.aws.ecr.inputs.RepositoryEncryptionConfigurationArgs;
import com.pulumi.aws.ecr.inputs.RepositoryImageScanningConfigurationArgs;
import com.pulumi.aws.ecr.outputs.GetAuthorizationTokenResult;
import com.pulumi.core.Output;
import com.pulumi.docker.Image;
import com.pulumi.docker.ImageArgs;
import com.pulumi.docker.inputs.DockerBuildArgs;
import com.pulumi.docker.inputs.RegistryArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/**
 * ECR repositories for the API and the worker (scan on push, keep the last {@value #KEEP_IMAGES}), and the images
 * themselves: built from {@code app/Dockerfile} and {@code worker/Dockerfile} with the repository root as context,
 * narrowed by each Dockerfile's own {@code .dockerignore} to what its build reads, and pushed with ECR's token. The
 * tiers deploy the pushed digest, so changing the code changes what the stack runs — and a commit that does not touch
 * an image's inputs (pulumi-docker hashes the context by content) rebuilds nothing and rolls no fleet.
 */
public final class ImageRegistry extends ComponentResource {
    static final int KEEP_IMAGES = 20;
    /** The Pulumi program runs in infra/; the Docker build context is the repository root. */
    public static final String REPOSITORY_ROOT = "..";

    private final Repository apiRepository;
    private final Repository workerRepository;
    private final Image apiImage;
    private final Image workerImage;

    public ImageRegistry(String name, StackConfig config, ComponentResourceOptions options) {
        super("anb:infra:ImageRegistry", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        apiRepository = repository(config.prefix() + "-api", child);
        workerRepository = repository(config.prefix() + "-worker", child);
        Output<GetAuthorizationTokenResult> token = EcrFunctions.getAuthorizationToken(
                GetAuthorizationTokenArgs.builder().registryId(apiRepository.registryId()).build());
        apiImage = image(config.prefix() + "-api", apiRepository, "app/Dockerfile", config, token, child);
        workerImage = image(config.prefix() + "-worker", workerRepository, "worker/Dockerfile", config, token, child);
        registerOutputs(Map.of("apiRepositoryUrl", apiRepository.repositoryUrl(),
                "workerRepositoryUrl", workerRepository.repositoryUrl(),
                "apiImage", apiImage.repoDigest(), "workerImage", workerImage.repoDigest()));
    }

    private static Repository repository(String name, CustomResourceOptions child) {
        var repository = new Repository(name, RepositoryArgs.builder().name(name)
                .imageTagMutability("MUTABLE")
                .imageScanningConfiguration(RepositoryImageScanningConfigurationArgs.builder().scanOnPush(true).build())
                .encryptionConfigurations(RepositoryEncryptionConfigurationArgs.builder().encryptionType("AES256").build())
                .tags(Tags.named(name)).build(), child);
        new LifecyclePolicy(name, LifecyclePolicyArgs.builder().repository(repository.name())
                .policy(Policies.json(Map.of("rules", List.of(Map.of(
                        "rulePriority", 1, "description", "keep the last " + KEEP_IMAGES + " images",
                        "selection", Map.of("tagStatus", "any", "countType", "imageCountMoreThan",
                                "countNumber", KEEP_IMAGES),
                        "action", Map.of("type", "expire"))))))
                .build(), child);
        return repository;
    }

    private static Image image(String name, Repository repository, String dockerfile, StackConfig config,
                               Output<GetAuthorizationTokenResult> token, CustomResourceOptions child) {
        return new Image(name, ImageArgs.builder()
                .imageName(repository.repositoryUrl().applyValue(url -> url + ":" + config.environment()))
                .build(DockerBuildArgs.builder().context(REPOSITORY_ROOT)
                        .dockerfile(REPOSITORY_ROOT + "/" + dockerfile).platform("linux/amd64").build())
                .registry(RegistryArgs.builder()
                        .server(repository.repositoryUrl())
                        .username(token.applyValue(GetAuthorizationTokenResult::userName))
                        .password(token.applyValue(GetAuthorizationTokenResult::password).asSecret())
                        .build())
                .build(), child);
    }

    public Output<String> apiImageDigest() {
        return apiImage.repoDigest();
    }

    public Output<String> workerImageDigest() {
        return workerImage.repoDigest();
    }

    public Output<String> apiRepositoryArn() {
        return apiRepository.arn();
    }

    public Output<String> workerRepositoryArn() {
        return workerRepository.arn();
    }

    public Output<String> apiRepositoryUrl() {
        return apiRepository.repositoryUrl();
    }

    public Output<String> workerRepositoryUrl() {
        return workerRepository.repositoryUrl();
    }
}
