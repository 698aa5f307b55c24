package org.babble.dataset.label;

import java.util.ArrayList;
import java.util.List;

/**
 * Which clips an annotation file yields. Each range is cut into clip-length pieces starting every hop; what is left at
 * the end of a range that is shorter than a clip is dropped (a short piece would have a different length than every
 * other clip, and padding it would invent audio), and so is a range shorter than one clip. Both are counted so the
 * command can say how much audio went unused. Ranges running past the end of the recording are cut to what exists.
 */
public record ClipPlan(
        List<ClipPiece> pieces, double droppedSeconds, List<Annotation> tooShort, List<Annotation> pastEnd) {
    public ClipPlan {
        pieces = List.copyOf(pieces);
        tooShort = List.copyOf(tooShort);
        pastEnd = List.copyOf(pastEnd);
    }

    public static ClipPlan of(List<Annotation> annotations, CutSettings settings, int sampleRate, long totalFrames) {
        int clipFrames = (int) Math.round(settings.clipSeconds() * sampleRate);
        long hopFrames = Math.max(1, Math.round(settings.hopSeconds() * sampleRate));
        List<ClipPiece> pieces = new ArrayList<>();
        List<Annotation> tooShort = new ArrayList<>();
        List<Annotation> pastEnd = new ArrayList<>();
        long droppedFrames = 0;
        for (Annotation row : annotations) {
            long from = Math.round(row.start() * sampleRate);
            long to = Math.round(row.end() * sampleRate);
            if (to > totalFrames) {
                pastEnd.add(row);
                to = totalFrames;
            }
            if (to - from < clipFrames) {
                tooShort.add(row);
                droppedFrames += Math.max(0, to - from);
                continue;
            }
            long start = from;
            for (; start + clipFrames <= to; start += hopFrames) {
                pieces.add(new ClipPiece(row.label(), start, clipFrames, row.line()));
            }
            long lastEnd = start - hopFrames + clipFrames;
            droppedFrames += Math.max(0, to - lastEnd);
        }
        return new ClipPlan(pieces, droppedFrames / (double) sampleRate, tooShort, pastEnd);
    }
}
