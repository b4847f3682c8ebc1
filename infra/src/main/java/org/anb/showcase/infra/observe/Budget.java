package org.anb.showcase.infra.observe;

import org.anb.showcase.infra.StackConfig;

import java.util.List;

import com.pulumi.aws.budgets.BudgetArgs;
import com.pulumi.aws.budgets.inputs.BudgetCostFilterArgs;
import com.pulumi.aws.budgets.inputs.BudgetNotificationArgs;
import com.pulumi.resources.CustomResourceOptions;

/**
 * A monthly AWS Budget for the stack's own spend (resources tagged {@code Environment=<env>} by the provider's default
 * tags): mail the operators at 80 % of {@code anb:monthlyBudgetUsd} actually spent and when the month's forecast passes
 * 100 %. Budgets counts a tag only once it is an active cost allocation tag — the bootstrap program activates
 * {@code Environment}. A stack without {@code anb:alarmEmail} keeps the budget (the console shows it) and mails nobody.
 */
public final class Budget {
    private Budget() {
    }

    public static com.pulumi.aws.budgets.Budget create(StackConfig config, CustomResourceOptions child) {
        List<String> subscribers = config.alarmEmail().map(List::of).orElse(List.of());
        var budget = BudgetArgs.builder().name(config.prefix() + "-monthly").budgetType("COST")
                .limitAmount(String.valueOf(config.monthlyBudgetUsd())).limitUnit("USD").timeUnit("MONTHLY")
                .costFilters(BudgetCostFilterArgs.builder().name("TagKeyValue")
                        .values("user:Environment$" + config.environment()).build());
        if (!subscribers.isEmpty()) {
            budget.notifications(
                    notification("ACTUAL", 80, subscribers),
                    notification("FORECASTED", 100, subscribers));
        }
        return new com.pulumi.aws.budgets.Budget(config.prefix() + "-monthly", budget.build(), child);
    }

    private static BudgetNotificationArgs notification(String type, double percent, List<String> subscribers) {
        return BudgetNotificationArgs.builder().notificationType(type).comparisonOperator("GREATER_THAN")
                .threshold(percent).thresholdType("PERCENTAGE").subscriberEmailAddresses(subscribers).build();
    }
}
