package org.anb.showcase.infra.compute;

import org.anb.showcase.infra.StackConfig;

import com.pulumi.aws.servicequotas.ServicequotasFunctions;
import com.pulumi.aws.servicequotas.inputs.GetServiceQuotaArgs;
import com.pulumi.core.Output;

/**
 * Preflight for the account's On-Demand vCPU quota. New accounts start low (often 5 to 32 vCPUs in "Running On-Demand
 * Standard instances"); a group asked to grow past it waits ten minutes for capacity that never comes and {@code pulumi
 * up} fails far from the cause. The program reads the quota first and refuses, in one line, a stack that could not
 * reach its maximum size.
 */
public final class OnDemandQuota {
    /** Service Quotas' code for "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances", in vCPUs. */
    public static final String STANDARD_INSTANCES = "L-1216C47A";

    private OnDemandQuota() {
    }

    /** The vCPUs both groups hold at their maximum sizes. */
    public static int vcpusAtFullScale(StackConfig config) {
        return config.apiMaxSize() * InstanceTypes.vcpus(config.apiInstanceType())
                + config.workerMaxSize() * InstanceTypes.vcpus(config.workerInstanceType());
    }

    /** "64 of 128 vCPUs", once the quota is read; fails the preview or update when the stack does not fit. */
    public static Output<String> check(StackConfig config) {
        int needed = vcpusAtFullScale(config);
        return ServicequotasFunctions.getServiceQuota(GetServiceQuotaArgs.builder()
                        .serviceCode("ec2").quotaCode(STANDARD_INSTANCES).build())
                .applyValue(quota -> requireFits(config, needed, quota.value()));
    }

    static String requireFits(StackConfig config, int needed, double quota) {
        if (quota < needed) {
            throw new IllegalStateException("On-Demand vCPU quota too low: " + config.prefix() + " needs " + needed
                    + " vCPUs at full scale and the account allows " + (int) quota + " in " + config.region()
                    + ". Request it: aws service-quotas request-service-quota-increase --service-code ec2"
                    + " --quota-code " + STANDARD_INSTANCES + " --desired-value " + needed
                    + " (or lower anb:apiMaxSize / anb:workerMaxSize)");
        }
        return needed + " of " + (int) quota + " vCPUs";
    }
}
