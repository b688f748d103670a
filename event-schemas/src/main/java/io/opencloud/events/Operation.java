package io.opencloud.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every operation of the control plane, the single place its CloudEvent types, topics and function bean name come
 * from. A type reads {@code io.opencloud.<domain>.<operation>.<phase>.v<N>}; the command travels on
 * {@code opencloud.<domain>.commands} and its replies on {@code opencloud.<domain>.events}.
 */
public enum Operation {
    ISSUE_MACAROON("macaroon", "issue", "issueMacaroon", 1),
    VERIFY_MACAROON("macaroon", "verify", "verifyMacaroon", 1),
    /** Compensates {@link #ISSUE_MACAROON} within a saga: every macaroon the saga issued stops verifying. */
    REVOKE_MACAROON("macaroon", "revoke", "revokeMacaroon", 1),
    /** A demonstration step whose failures a test can script: fail a number of times, or never answer. */
    RUN_DEMO_STEP("demo", "step", "runDemoStep", 1),
    /** Compensates {@link #RUN_DEMO_STEP}; it too can be scripted to fail. */
    UNDO_DEMO_STEP("demo", "undo", "undoDemoStep", 1),
    /** Counts and lists the Sentinel scenes of a collection by area, date range and cloud cover (STAC item search). */
    SEARCH_IMAGES("sentinel", "search", "searchImages", 1),
    /** Reserves scenes for an execution until an expiry, staging their assets into S3. */
    RESERVE_IMAGES("sentinel", "reserve", "reserveImages", 1),
    /** Compensates {@link #RESERVE_IMAGES}: deletes the staged assets; a reservation that never happened is barred. */
    RELEASE_IMAGES("sentinel", "release", "releaseImages", 1),
    /** Presigned S3 URLs of a reservation's staged assets, valid for a set time. */
    IMAGE_URLS("sentinel", "urls", "imageUrls", 1),
    /** Releases every reservation past its expiry; sent by a cron schedule. */
    RELEASE_EXPIRED_RESERVATIONS("sentinel", "expire", "releaseExpiredReservations", 1),
    /** Converts one GeoTIFF to a Cloud-Optimized GeoTIFF and a PNG with gdal_translate, from and to S3. */
    CONVERT_IMAGE("processing", "convert", "convertImage", 1),
    /** Compensates {@link #CONVERT_IMAGE}: deletes every output under a prefix and bars later writes there. */
    DISCARD_OUTPUTS("processing", "discard", "discardOutputs", 1),
    /** Copies objects into a destination bucket on any S3 endpoint, verifying their checksums. */
    PUSH_TO_STORAGE("storage", "push", "pushToStorage", 1),
    /** Compensates {@link #PUSH_TO_STORAGE}: deletes the pushed objects from the destination. */
    REMOVE_FROM_STORAGE("storage", "remove", "removeFromStorage", 1),
    /** Writes a provision's Terraform configuration and latest state into its working directory; terraform init. */
    TERRAFORM_INIT("terraform", "init", "terraformInit", 1),
    /** Counts what applying a provision would add, change and destroy. */
    TERRAFORM_PLAN("terraform", "plan", "terraformPlan", 1),
    /** One terraform apply of a provision, resuming from its saved (possibly partial) state. */
    TERRAFORM_APPLY_STEP("terraform", "apply", "terraformApplyStep", 1),
    /** Destroys everything in a provision's state; compensates {@link #TERRAFORM_APPLY_STEP} and deletes provisions. */
    TERRAFORM_DESTROY("terraform", "destroy", "terraformDestroy", 1),
    /** Checks one provisioned host through its provider's driver and records the host's state. */
    CONFIGURE_HOST("provision", "configure", "configureHost", 1),
    /** Starts a backup saga for every VM whose last copy is older than its backup frequency; sent by a cron schedule. */
    BACKUP_SWEEP("compute", "sweep", "backupSweep", 1),
    /** Powers a VM off through its compute driver; a VM already off stays off. */
    POWER_OFF_VM("compute", "poweroff", "powerOffVm", 1),
    /** Powers a VM on again; compensates {@link #POWER_OFF_VM}. */
    RESUME_VM("compute", "resume", "resumeVm", 1),
    /** Saves a powered-off VM's disks as images, with a VM template that uses them. */
    SAVE_VM("compute", "save", "saveVm", 1),
    /** Creates a running VM from a VM template, each disk a copy of the template's image. */
    CREATE_VM("compute", "create", "createVm", 1),
    /** Deletes every inventory object (VMs, templates, images) the saga created; compensates saves and exports. */
    DISCARD_COMPUTE_OBJECTS("compute", "discard", "discardComputeObjects", 1),
    /** Records a VM's new backup app and the time of the copy, answering the backup app it replaces. */
    RECORD_BACKUP("compute", "record", "recordBackup", 1),
    /** Compensates {@link #RECORD_BACKUP}: the VM's backup is its previous app again. */
    UNRECORD_BACKUP("compute", "unrecord", "unrecordBackup", 1),
    /** Plans a marketplace import: the apps a VM, VM template, service template or image becomes, indexed IMPORTING. */
    PREPARE_MARKET_IMPORT("market", "prepare", "prepareMarketImport", 1),
    /** Streams one image's bytes into its IMAGE app in the marketplace (multipart), with its checksum. */
    UPLOAD_IMAGE_APP("market", "upload", "uploadImageApp", 1),
    /** Writes the manifests of an import's template apps and makes all of its apps READY. */
    PUBLISH_MARKET_APPS("market", "publish", "publishMarketApps", 1),
    /** Deletes apps, with the apps their import created for them; compensates {@link #PREPARE_MARKET_IMPORT}. */
    REMOVE_MARKET_APPS("market", "remove", "removeMarketApps", 1),
    /** Plans a marketplace export: the IMAGE apps an app needs fetched into the inventory. */
    RESOLVE_MARKET_EXPORT("market", "resolve", "resolveMarketExport", 1),
    /** Streams one IMAGE app into the inventory as a new image, checking its checksum. */
    FETCH_IMAGE_APP("market", "fetch", "fetchImageApp", 1),
    /** Creates the VM templates and service template of an exported app, using the images fetched for it. */
    UNPACK_TEMPLATE_APPS("market", "unpack", "unpackTemplateApps", 1);

    private static final String TYPE_PREFIX = "io.opencloud.";

    private final String domain;
    private final String name;
    private final String functionName;
    private final int version;

    Operation(String domain, String name, String functionName, int version) {
        this.domain = domain;
        this.name = name;
        this.functionName = functionName;
        this.version = version;
    }

    public String domain() {
        return domain;
    }

    /** The Spring Cloud Function bean that performs this operation. */
    public String functionName() {
        return functionName;
    }

    public String type(Phase phase) {
        return TYPE_PREFIX + domain + "." + name + "." + phase.label() + ".v" + version;
    }

    public String requestedType() {
        return type(Phase.REQUESTED);
    }

    public String completedType() {
        return type(Phase.COMPLETED);
    }

    public String failedType() {
        return type(Phase.FAILED);
    }

    public String commandsTopic() {
        return Topics.commands(domain);
    }

    public String eventsTopic() {
        return Topics.events(domain);
    }

    /** The CloudEvent source of the replies this operation's function produces. */
    public String replySource() {
        return Envelope.source("functions/" + domain);
    }

    public List<String> types() {
        return Arrays.stream(Phase.values()).map(this::type).toList();
    }

    public static Optional<Operation> forRequestedType(String type) {
        return Arrays.stream(values()).filter(op -> op.requestedType().equals(type)).findFirst();
    }

    public static List<String> domains() {
        return Arrays.stream(values()).map(Operation::domain).distinct().toList();
    }
}
