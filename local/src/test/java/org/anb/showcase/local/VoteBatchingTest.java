package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbClient;
import org.anb.showcase.app.gallery.GalleryRepository;
import org.anb.showcase.app.gallery.GalleryRepository.Ballot;
import org.anb.showcase.app.gallery.GalleryRepository.VoteOutcome;
import org.anb.showcase.app.gallery.VoteWriter;
import org.anb.showcase.core.db.DatabasePool;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.MetricValues;
import org.anb.showcase.local.support.TestDatabase;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;

/** Votes that arrive together are written together (issue 15's hot star), and still each counted exactly once. */
class VoteBatchingTest {
    private final ApiClient api = TestPlatform.api();
    private final TestDatabase database = TestPlatform.database();

    @Test
    void fansOfOneStarVotingAtOnceTwiceEachAreEachCountedOnceInEveryCounter() throws Exception {
        String city = "Estrella-" + UUID.randomUUID();
        Player star = api.newPlayer("Estrella", city);
        UUID video = api.uploadSample(star, "la jugada");
        database.markProcessed(video);
        List<Player> fans = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            fans.add(api.newPlayer("Cali"));
        }

        double statementsBefore = MetricValues.sum(api, "anb_api_vote_batch_size_count");
        double votesBefore = MetricValues.sum(api, "anb_api_vote_batch_size_sum");
        List<Integer> statuses = atOnce(fans.size() * 2, i -> api.post("/api/public/videos/" + video + "/vote",
                fans.get(i / 2).token(), null).status());
        double statements = MetricValues.sum(api, "anb_api_vote_batch_size_count") - statementsBefore;
        double votes = MetricValues.sum(api, "anb_api_vote_batch_size_sum") - votesBefore;
        assertThat(votes).as("every request went through the writer").isEqualTo(fans.size() * 2.0);
        assertThat(statements).as("votes that arrived together were written together: fewer statements than votes")
                .isLessThan(votes);

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(fans.size());
        assertThat(statuses).filteredOn(s -> s == 400).hasSize(fans.size());
        assertThat(database.count("SELECT count(*) FROM votes WHERE video_id = ?", video)).isEqualTo(fans.size());
        assertThat(database.count("SELECT vote_count FROM videos WHERE id = ?", video)).isEqualTo(fans.size());
        assertThat(database.count("SELECT votes FROM player_scores WHERE user_id = ?", star.id()))
                .isEqualTo(fans.size());
        JsonNode ranking = api.get("/api/public/rankings?city=" + city, null).body();
        assertThat(ranking.get(0).get("votes").asLong()).isEqualTo(fans.size());
    }

    @Test
    void aVoteTheDatabaseRefusesFailsAloneAndTheOthersInItsBatchAreCounted() throws Exception {
        Player star = api.newPlayer("Cali");
        UUID video = api.uploadSample(star, "la jugada");
        database.markProcessed(video);
        List<UUID> voters = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            UUID fan = UUID.randomUUID();
            database.update("INSERT INTO users (id, first_name, last_name, email, password_hash, city, country)"
                    + " VALUES (?, 'Fan', 'Lote', ?, 'x', 'Cali', 'Colombia')", fan, fan + "@lote.test");
            voters.add(fan);
        }
        UUID deletedSinceTheirTokenWasChecked = UUID.randomUUID();
        voters.add(30, deletedSinceTheirTokenWasChecked);

        DbClient db = DatabasePool.open(TestPlatform.platform().config().get("db")).client();
        try (db; VoteWriter writer = new VoteWriter(new GalleryRepository(db))) {
            List<Object> outcomes = atOnce(voters.size(), i -> {
                try {
                    return writer.vote(new Ballot(video, voters.get(i)));
                } catch (RuntimeException e) {
                    return e;
                }
            });

            assertThat(outcomes.get(30)).isInstanceOf(RuntimeException.class);
            outcomes.remove(30);
            assertThat(outcomes).containsOnly(VoteOutcome.COUNTED).hasSize(60);
        }
        assertThat(database.count("SELECT vote_count FROM videos WHERE id = ?", video)).isEqualTo(60);
        assertThat(database.count("SELECT votes FROM player_scores WHERE user_id = ?", star.id())).isEqualTo(60);
    }

    private interface Call<T> {
        T call(int index) throws Exception;
    }

    /** Runs {@code count} calls released together and answers their results in order. */
    private static <T> List<T> atOnce(int count, Call<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(clients.submit(() -> {
                    start.await();
                    return call.call(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }
}
