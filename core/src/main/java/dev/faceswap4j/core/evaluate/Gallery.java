package dev.faceswap4j.core.evaluate;

import com.typesafe.config.Config;
import dev.faceswap4j.api.ModelFile;
import dev.faceswap4j.core.models.ModelCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * evaluate's default gallery: the registry's sample photos in the model store ({@code models fetch} puts them there),
 * about 20 faces of people who are neither A nor B, so that ID retrieval picks among more than the few people named.
 */
public final class Gallery {

    private Gallery() {}

    /** The sample photos of the configured model store that are there (none before {@code models fetch}). */
    public static List<Path> samplePhotos(Config conf) {
        Path store = Path.of(conf.getString("faceswap4j.model-store.dir"));
        return ModelCatalog.SAMPLE_PHOTOS.stream().map(ModelFile::fileName).map(store::resolve).filter(Files::isRegularFile).toList();
    }
}
