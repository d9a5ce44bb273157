package dev.faceswap4j.core.face;

import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.Rect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Links the faces of successive frames into tracks. A face continues the track whose last box is near
 * (centre within {@value #REACH} of the box size per frame since it was last seen, size within a
 * factor {@value #SIZE_RATIO}) and, when both have descriptors, whose person it can be (descriptor
 * within the same-person distance of the track's mean): so a track survives up to {@code maxGap}
 * frames without a detection, and two people who cross keep their own tracks. Pairs are taken
 * cheapest first (position and descriptor distance, each relative to its limit).
 */
public final class FaceTracks {

    static final double REACH = 0.6;
    static final double SIZE_RATIO = 1.6;
    /** A track's reach stops growing after this many frames without it: a far jump is someone else. */
    private static final int MAX_REACH_FRAMES = 3;

    private static final class Track {
        final int id;
        Rect box;
        int lastSeen;
        float[] descriptorSum;
        int descriptors;

        Track(int id) {
            this.id = id;
        }

        float[] meanDescriptor() {
            if (descriptors == 0) {
                return null;
            }
            float[] mean = descriptorSum.clone();
            for (int i = 0; i < mean.length; i++) {
                mean[i] /= descriptors;
            }
            return mean;
        }

        void update(Rect now, float[] descriptor, int frame) {
            box = now;
            lastSeen = frame;
            if (descriptor != null) {
                if (descriptorSum == null) {
                    descriptorSum = new float[descriptor.length];
                }
                for (int i = 0; i < descriptor.length; i++) {
                    descriptorSum[i] += descriptor[i];
                }
                descriptors++;
            }
        }
    }

    private record Pair(int track, int face, double cost) {}

    private final double samePerson;
    private final int maxGap;
    private final List<Track> tracks = new ArrayList<>();
    private int frame = -1;
    private int nextId;

    /** Frames a track may miss (a blink of the detector, someone passing in front) and still go on. */
    public static final int GAP = 5;

    /** Tracks for extract and convert: descriptors gate the links when {@code embedder} (may be null) is there. */
    public static FaceTracks of(FaceEmbedder embedder) {
        return new FaceTracks(embedder == null ? Double.NaN : embedder.samePersonDistance(), GAP);
    }

    /**
     * @param samePerson the largest descriptor distance of one person (the embedder's figure)
     * @param maxGap frames a track may go without a face before it ends
     */
    public FaceTracks(double samePerson, int maxGap) {
        this.samePerson = samePerson;
        this.maxGap = maxGap;
    }

    /** The track ids of one frame's faces, in their order; {@code descriptors} is null or holds one (possibly null) per face. */
    public int[] next(List<Rect> boxes, List<float[]> descriptors) {
        frame++;
        for (Iterator<Track> it = tracks.iterator(); it.hasNext(); ) {
            if (frame - it.next().lastSeen > maxGap + 1) {
                it.remove();
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (int t = 0; t < tracks.size(); t++) {
            Track track = tracks.get(t);
            float[] mean = track.meanDescriptor();
            double reach = REACH * Math.min(MAX_REACH_FRAMES, frame - track.lastSeen);
            for (int f = 0; f < boxes.size(); f++) {
                Rect box = boxes.get(f);
                double size = Math.max(Math.max(box.width(), box.height()), Math.max(track.box.width(), track.box.height()));
                double ratio = Math.max(box.width(), 1e-9) / Math.max(track.box.width(), 1e-9);
                double shift = Math.hypot(box.center().x() - track.box.center().x(), box.center().y() - track.box.center().y()) / size;
                if (shift > reach || ratio > SIZE_RATIO || ratio < 1 / SIZE_RATIO) {
                    continue;
                }
                // Cost by the plain reach: a track seen in the frame before beats one that was lost a while.
                double cost = shift / REACH;
                float[] descriptor = descriptors == null ? null : descriptors.get(f);
                if (mean != null && descriptor != null) {
                    double distance = Descriptors.distance(mean, descriptor);
                    if (distance > samePerson) {
                        continue;
                    }
                    cost += distance / samePerson;
                }
                pairs.add(new Pair(t, f, cost));
            }
        }
        pairs.sort((x, y) -> Double.compare(x.cost(), y.cost()));
        int[] ids = new int[boxes.size()];
        Arrays.fill(ids, -1);
        Track[] matched = new Track[boxes.size()];
        boolean[] taken = new boolean[tracks.size()];
        for (Pair pair : pairs) {
            if (!taken[pair.track()] && matched[pair.face()] == null) {
                taken[pair.track()] = true;
                matched[pair.face()] = tracks.get(pair.track());
            }
        }
        for (int f = 0; f < boxes.size(); f++) {
            Track track = matched[f];
            if (track == null) {
                track = new Track(nextId++);
                tracks.add(track);
            }
            track.update(boxes.get(f), descriptors == null ? null : descriptors.get(f), frame);
            ids[f] = track.id;
        }
        return ids;
    }
}
