package org.babble.core.io;

import java.io.IOException;
import java.nio.file.Path;
import org.babble.core.BabbleException;

/**
 * A write failed because the disk (or the user's quota) is full. Unlike a bad input, no later output of the same run
 * can succeed either, so batch commands stop at the first one instead of printing the same line for every file.
 */
public final class DiskFullException extends BabbleException {
    private static final long serialVersionUID = 1L;

    public DiskFullException(Path folder, Throwable cause) {
        super(
                folder,
                "disk full (" + cause.getMessage() + ")",
                "free some space there, or write to another folder",
                cause);
    }

    /** Whether {@code e}, or what caused it, is the operating system saying there is no space (ENOSPC, EDQUOT). */
    public static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (t instanceof IOException
                    && message != null
                    && (message.contains("No space left on device") || message.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }
}
