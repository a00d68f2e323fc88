package dev.leadstream.enrichment.lookalike;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.VectorOutput;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.qdrant.client.ConditionFactory.hasId;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static io.qdrant.client.WithPayloadSelectorFactory.enable;

/**
 * The deployed store: a Qdrant collection reached over gRPC. Qdrant wants UUID point ids, so a
 * lead id maps to a name-based UUID and travels in the payload as {@code _id}.
 */
public final class QdrantVectorStore implements VectorStore {

    private static final String ID = "_id";
    private static final long TIMEOUT_SECONDS = 30;

    private final QdrantClient client;
    private final String collection;

    /** @param url {@code http://host:port} of Qdrant's gRPC port (6334 by default) */
    public QdrantVectorStore(URI url, String apiKey, String collection, int dimension) {
        QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(url.getHost(), url.getPort() < 0 ? 6334 : url.getPort(),
                "https".equals(url.getScheme()));
        if (apiKey != null && !apiKey.isBlank()) {
            grpc.withApiKey(apiKey);
        }
        this.client = new QdrantClient(grpc.build());
        this.collection = collection;
        if (!await(client.collectionExistsAsync(collection))) {
            await(client.createCollectionAsync(collection,
                    VectorParams.newBuilder().setSize(dimension).setDistance(Distance.Cosine).build()));
        }
    }

    @Override
    public void upsert(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<PointStruct> points = new ArrayList<>();
        for (Entry entry : entries) {
            Map<String, Value> payload = new TreeMap<>();
            entry.payload().forEach((key, v) -> payload.put(key, value(v)));
            payload.put(ID, value(entry.id()));
            points.add(PointStruct.newBuilder().setId(pointId(entry.id())).setVectors(vectors(entry.vector()))
                    .putAllPayload(payload).build());
        }
        await(client.upsertAsync(UpsertPoints.newBuilder().setCollectionName(collection).addAllPoints(points).setWait(true).build()));
    }

    @Override
    public Optional<Entry> get(String id) {
        List<RetrievedPoint> found = await(client.retrieveAsync(collection, List.of(pointId(id)), true, true, null));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RetrievedPoint point = found.getFirst();
        VectorOutput vector = point.getVectors().getVector();
        List<Float> values = vector.hasDense() ? vector.getDense().getDataList() : vector.getDataList();
        float[] floats = new float[values.size()];
        for (int i = 0; i < floats.length; i++) {
            floats[i] = values.get(i);
        }
        return Optional.of(new Entry(id, floats, payload(point.getPayloadMap())));
    }

    @Override
    public List<Hit> nearest(float[] vector, int k, Map<String, String> where, String excludeId) {
        Filter.Builder filter = Filter.newBuilder();
        where.forEach((key, v) -> filter.addMust(matchKeyword(key, v)));
        if (excludeId != null) {
            filter.addMustNot(hasId(pointId(excludeId)));
        }
        SearchPoints.Builder search = SearchPoints.newBuilder().setCollectionName(collection).setLimit(k)
                .setFilter(filter).setWithPayload(enable(true));
        for (float f : vector) {
            search.addVector(f);
        }
        List<Hit> hits = new ArrayList<>();
        for (ScoredPoint point : await(client.searchAsync(search.build()))) {
            Map<String, String> payload = payload(point.getPayloadMap());
            hits.add(new Hit(point.getPayloadMap().get(ID).getStringValue(), point.getScore(), payload));
        }
        return hits;
    }

    private static Map<String, String> payload(Map<String, Value> stored) {
        Map<String, String> payload = new TreeMap<>();
        stored.forEach((key, v) -> {
            if (!ID.equals(key)) {
                payload.put(key, v.getStringValue());
            }
        });
        return payload;
    }

    private static PointId pointId(String id) {
        return id(UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public long count() {
        return await(client.countAsync(collection));
    }

    @Override
    public void flush() {
        // every upsert waits for Qdrant to have applied it
    }

    @Override
    public void close() {
        client.close();
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Qdrant refused the request: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Qdrant did not answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Qdrant", e);
        }
    }
}
