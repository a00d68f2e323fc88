package dev.leadstream.enrichment.lookalike;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The vector store contract against the embedded Lucene HNSW index, on a real directory. */
class LuceneVectorStoreTest extends VectorStoreContract {

    @TempDir
    Path dir;

    @Override
    protected VectorStore open() {
        return new LuceneVectorStore(dir);
    }

    @Override
    protected VectorStore reopen() {
        return new LuceneVectorStore(dir);
    }
}
