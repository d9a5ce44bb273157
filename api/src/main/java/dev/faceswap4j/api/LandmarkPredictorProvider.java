package dev.faceswap4j.api;

/** Service interface of landmark predictor plugins ({@code faceswap4j.landmarks = <name>}). */
public interface LandmarkPredictorProvider extends StageProvider<LandmarkPredictor> {}
