-- Orleans' membership (ADO.NET clustering) and reminder tables for the scale-out, with the queries the ADO.NET
-- providers read from "orleansquery" at start-up. Written for this project from the providers' query contract:
-- each query is found by its key, receives the named parameters the provider binds (@DeploymentId is the cluster
-- id, @ServiceId the service id; a silo is @Address, @Port, @Generation), and answers with the column names the
-- provider reads (PostgreSQL folds them to lower case; Npgsql finds them either way).
--
-- Etags: a cluster has one version row. A silo joining or changing status passes the version it read (@Version);
-- the change applies only if that is still the version, which it then increases, so two silos writing at once
-- cannot both win. A reminder row's version increases with every upsert and a delete must name the current one.

CREATE TABLE orleansquery (
    querykey varchar(64) PRIMARY KEY,
    querytext text NOT NULL
);

CREATE TABLE orleans_cluster_versions (
    deployment_id varchar(150) PRIMARY KEY,
    version integer NOT NULL DEFAULT 0,
    changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orleans_silos (
    deployment_id varchar(150) NOT NULL REFERENCES orleans_cluster_versions (deployment_id) ON DELETE CASCADE,
    address varchar(45) NOT NULL,
    port integer NOT NULL,
    generation integer NOT NULL,
    silo_name varchar(150) NOT NULL,
    host_name varchar(150) NOT NULL,
    status integer NOT NULL,
    proxy_port integer NOT NULL,
    suspect_times text,
    start_time timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

CREATE TABLE orleans_reminders (
    service_id varchar(150) NOT NULL,
    grain_id varchar(150) NOT NULL,
    reminder_name varchar(150) NOT NULL,
    start_time timestamptz NOT NULL,
    period bigint NOT NULL,
    grain_hash integer NOT NULL,
    version integer NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX orleans_reminders_by_hash ON orleans_reminders (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', $q$
    WITH added AS (
        INSERT INTO orleans_cluster_versions (deployment_id) VALUES (@DeploymentId)
        ON CONFLICT (deployment_id) DO NOTHING
        RETURNING 1)
    SELECT count(*) > 0 FROM added
$q$),
('InsertMembershipKey', $q$
    WITH bumped AS (
        UPDATE orleans_cluster_versions SET version = version + 1, changed_at = now()
        WHERE deployment_id = @DeploymentId AND version = @Version
          AND NOT EXISTS (SELECT 1 FROM orleans_silos
                          WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
        RETURNING deployment_id),
    added AS (
        INSERT INTO orleans_silos (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
        SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime FROM bumped
        RETURNING 1)
    SELECT count(*) > 0 FROM added
$q$),
('UpdateMembershipKey', $q$
    WITH bumped AS (
        UPDATE orleans_cluster_versions SET version = version + 1, changed_at = now()
        WHERE deployment_id = @DeploymentId AND version = @Version
          AND EXISTS (SELECT 1 FROM orleans_silos
                      WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
        RETURNING deployment_id),
    changed AS (
        UPDATE orleans_silos s SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
        FROM bumped
        WHERE s.deployment_id = bumped.deployment_id AND s.address = @Address AND s.port = @Port AND s.generation = @Generation
        RETURNING 1)
    SELECT count(*) > 0 FROM changed
$q$),
('UpdateIAmAlivetimeKey', $q$
    UPDATE orleans_silos SET i_am_alive_time = @IAmAliveTime
    WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),
('MembershipReadRowKey', $q$
    SELECT v.version, s.address, s.port, s.generation, s.silo_name AS siloname, s.host_name AS hostname, s.status,
           s.proxy_port AS proxyport, s.suspect_times AS suspecttimes, s.start_time AS starttime, s.i_am_alive_time AS iamalivetime
    FROM orleans_cluster_versions v
    LEFT JOIN orleans_silos s ON s.deployment_id = v.deployment_id
        AND s.address = @Address AND s.port = @Port AND s.generation = @Generation
    WHERE v.deployment_id = @DeploymentId
$q$),
('MembershipReadAllKey', $q$
    SELECT v.version, s.address, s.port, s.generation, s.silo_name AS siloname, s.host_name AS hostname, s.status,
           s.proxy_port AS proxyport, s.suspect_times AS suspecttimes, s.start_time AS starttime, s.i_am_alive_time AS iamalivetime
    FROM orleans_cluster_versions v
    LEFT JOIN orleans_silos s ON s.deployment_id = v.deployment_id
    WHERE v.deployment_id = @DeploymentId
$q$),
('GatewaysQueryKey', $q$
    SELECT address, proxy_port AS proxyport, generation
    FROM orleans_silos
    WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),
('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM orleans_cluster_versions WHERE deployment_id = @DeploymentId
$q$),
('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM orleans_silos
    WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status = 6
$q$),
('CleanupDefunctSiloEntryKey', $q$
    DELETE FROM orleans_silos
    WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
      AND status = 6 AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
      AND suspect_times IS NOT DISTINCT FROM @SuspectTimes
$q$),
('UpsertReminderRowKey', $q$
    INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
        SET start_time = excluded.start_time, period = excluded.period, grain_hash = excluded.grain_hash,
            version = orleans_reminders.version + 1
    RETURNING version
$q$),
('ReadReminderRowsKey', $q$
    SELECT grain_id AS grainid, reminder_name AS remindername, start_time AS starttime, period, version
    FROM orleans_reminders
    WHERE service_id = @ServiceId AND grain_id = @GrainId
$q$),
('ReadReminderRowKey', $q$
    SELECT grain_id AS grainid, reminder_name AS remindername, start_time AS starttime, period, version
    FROM orleans_reminders
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$q$),
-- The ring range (@BeginHash, @EndHash]: the hashes are unsigned in Orleans and stored signed, so a range that
-- does not wrap in signed order is one interval (1) and one that does is the two ends (2).
('ReadRangeRows1Key', $q$
    SELECT grain_id AS grainid, reminder_name AS remindername, start_time AS starttime, period, version
    FROM orleans_reminders
    WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$q$),
('ReadRangeRows2Key', $q$
    SELECT grain_id AS grainid, reminder_name AS remindername, start_time AS starttime, period, version
    FROM orleans_reminders
    WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$q$),
('DeleteReminderRowKey', $q$
    WITH removed AS (
        DELETE FROM orleans_reminders
        WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
        RETURNING 1)
    SELECT count(*) > 0 FROM removed
$q$),
('DeleteReminderRowsKey', $q$
    DELETE FROM orleans_reminders WHERE service_id = @ServiceId
$q$);
