package org.paperless.api.storage;

/** The three folders of the media root. */
public enum MediaArea {
    ORIGINALS("originals"), ARCHIVE("archive"), THUMBNAILS("thumbnails");

    private final String folder;

    MediaArea(String folder) {
        this.folder = folder;
    }

    public String folder() {
        return folder;
    }
}
