package dev.faceswap4j.api;

/**
 * A swapped face about to go back into the frame region it covers.
 *
 * @param width the region's width in frame pixels
 * @param height the region's height
 * @param landmarks the face's 68 landmarks in region coordinates
 * @param faceToRegion maps model-face coordinates into the region
 * @param swapped the model's output face (model-face coordinates)
 * @param modelMask the mask the model predicts for {@code swapped} (GRAY, model-face coordinates, 255 = face),
 *     or null when the model predicts none
 */
public record RegionFace(int width, int height, Landmarks landmarks, Affine faceToRegion, Image swapped, Image modelMask) {}
