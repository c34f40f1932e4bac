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
    private volatile Instant started;
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
        started = Instant.now();
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

    /** The task as API version 9 shows it (paperless-ngx 2.x), or 10 (3.x). */
    Map<String, Object> json(int version) {
        return version < 10 ? json9() : json10();
    }

    private Map<String, Object> json10() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("task_id", taskId);
        json.put("task_type", "consume_file");
        json.put("task_type_display", "Consume File");
        json.put("trigger_source", "api_upload");
        json.put("trigger_source_display", "API Upload");
        json.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
        json.put("status_display", status.name().charAt(0) + status.name().substring(1).toLowerCase(java.util.Locale.ROOT));
        json.put("date_created", JsonDates.moment(created));
        json.put("date_started", JsonDates.moment(started));
        json.put("date_done", JsonDates.moment(done));
        json.put("duration_seconds", done == null || started == null ? null : (done.toEpochMilli() - started.toEpochMilli()) / 1000.0);
        json.put("wait_time_seconds", started == null ? null : (started.toEpochMilli() - created.toEpochMilli()) / 1000.0);
        json.put("input_data", Map.of("filename", fileName));
        Object resultData = null;
        if (status == Status.SUCCESS) {
            resultData = Map.of("document_id", documentId);
        } else if (status == Status.FAILURE) {
            resultData = Map.of("error_type", "ConsumerError", "error_message", result);
        }
        json.put("result_data", resultData);
        json.put("related_document_ids", documentId == null ? java.util.List.of() : java.util.List.of(documentId));
        json.put("acknowledged", acknowledged);
        json.put("owner", Users.id(owner));
        return json;
    }

    private Map<String, Object> json9() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("task_id", taskId);
        json.put("task_name", "consume_file");
        json.put("task_file_name", fileName);
        json.put("date_created", JsonDates.moment(created));
        json.put("date_done", JsonDates.moment(done));
        json.put("type", "manual_task");
        json.put("status", status.name());
        json.put("result", result);
        json.put("acknowledged", acknowledged);
        json.put("related_document", documentId == null ? null : String.valueOf(documentId));
        json.put("owner", Users.id(owner));
        return json;
    }
}
