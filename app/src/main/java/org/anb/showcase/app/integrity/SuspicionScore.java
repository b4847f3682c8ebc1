package org.anb.showcase.app.integrity;

import java.util.ArrayList;
import java.util.List;

/**
 * How suspicious a video's votes look, as a score from 0 to 100 whose every point names the rule that gave it, so an
 * organizer can say why a video was flagged. The rules read shares of the votes that still count (voiding a cluster
 * brings the score down) and apply only from {@link #MIN_VOTES} votes, below which shares say nothing.
 */
public final class SuspicionScore {
    static final int MIN_VOTES = 10;

    private SuspicionScore() {
    }

    /** One rule that fired: its name, its points, and what it saw, in words. */
    public record Point(String rule, int points, String detail) {
    }

    public record Score(int score, List<Point> points) {
    }

    /** The aggregates the rules read, computed in the database for one video or for all at once. */
    public record Aggregates(long votes, long young, long unconfirmed, long peakHour, long topNetwork) {
    }

    public static Score of(Aggregates a) {
        List<Point> points = new ArrayList<>();
        if (a.votes() >= MIN_VOTES) {
            rule(points, "young_accounts", 30, share(a.young(), a.votes()) >= 0.5,
                    percent(a.young(), a.votes()) + " de los votos vienen de cuentas creadas menos de un día antes");
            rule(points, "unconfirmed_accounts", 20, share(a.unconfirmed(), a.votes()) >= 0.5,
                    percent(a.unconfirmed(), a.votes()) + " de los votos vienen de cuentas sin correo confirmado");
            rule(points, "one_network", 30, share(a.topNetwork(), a.votes()) >= 0.3,
                    percent(a.topNetwork(), a.votes()) + " de los votos vienen de una sola red");
            rule(points, "burst", 20, a.peakHour() >= 20 && share(a.peakHour(), a.votes()) >= 0.5,
                    percent(a.peakHour(), a.votes()) + " de los votos llegaron en una sola hora");
        }
        return new Score(Math.min(100, points.stream().mapToInt(Point::points).sum()), points);
    }

    private static void rule(List<Point> points, String name, int value, boolean fired, String detail) {
        if (fired) {
            points.add(new Point(name, value, detail));
        }
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static String percent(long part, long whole) {
        return Math.round(100 * share(part, whole)) + " %";
    }
}
