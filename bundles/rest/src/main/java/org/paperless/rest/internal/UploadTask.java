package org.paperless.rest.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One uploaded file on its way to a document, as paperless-ngx's task list shows it: PENDING in the queue,
 * STARTED while consumed, then SUCCESS with the document or FAILURE with the reason.
 */
final class UploadTask {

    enum Status { PENDING, STARTED, SUCCESS, FAILURE }

    final long id;
    final String taskId;
    final String fileName;
    final String owner;
    final Instant created;
    private volatile Status status = Status.PENDING;
    private volatile Instant done;
    private volatile String result;
    private volatile Long documentId;
    private volatile boolean acknowledged;

    UploadTask(long id, String taskId, String fileName, String owner) {
        this.id = id;
        this.taskId = taskId;
        this.fileName = fileName;
        this.owner = owner;
        this.created = Instant.now();
    }

    void started() {
        status = Status.STARTED;
    }

    void succeeded(long document) {
        documentId = document;
        result = "Success. New document id " + document + " created";
        done = Instant.now();
        status = Status.SUCCESS;
    }

    void failed(String reason) {
        result = fileName + ": " + reason;
        done = Instant.now();
        status = Status.FAILURE;
    }

    void acknowledge() {
        acknowledged = true;
    }

    boolean acknowledged() {
        return acknowledged;
    }

    Status status() {
        return status;
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("task_id", taskId);
        json.put("task_name", "consume_file");
        json.put("task_file_name", fileName);
        json.put("date_created", JsonDates.moment(created));
        json.put("date_done", JsonDates.moment(done));
        json.put("type", "file");
        json.put("status", status.name());
        json.put("result", result);
        json.put("acknowledged", acknowledged);
        json.put("related_document", documentId == null ? null : String.valueOf(documentId));
        json.put("owner", Users.id(owner));
        return json;
    }
}
