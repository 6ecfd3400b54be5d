// Package world is the sandbox's simulated AWS account: the state of every
// resource, a virtual clock, and the simulation that moves them.
//
// A world is made by Build (the scenario package calls it) and then read
// and changed by the sandbox's service handlers through the methods below.
// Every method is safe for concurrent use; each reads the clock once,
// brings the simulation up to that instant, and returns copies. Slices and
// maps inside returned values are shared with the world and must be
// treated as read-only (the world never changes them in place). Zero
// time.Time values are absent AWS members.
//
// # Time and determinism
//
// The simulation is event-driven: work schedules events at virtual
// instants (a job's end, a step's start, the daily backup, the per-minute
// alarm evaluation) and a call runs every event due by the clock's reading,
// in (time, scheduling order). No goroutine runs in the background. Every
// random choice is a hash of the seed and the identity of what is decided,
// so the same seed and the same clock readings and calls give the same
// state, whatever the readers do. Metrics and most log lines are pure
// functions of (series, time) and are never stored. After a long idle gap,
// alarms and backups only replay the recent past (six hours, the retention).
//
// # Kinds and functions
//
//	kind                    read                                                  change
//	clock                   Now, Start, Account, Region, TagKeys                   (Clock: ScaledClock, ManualClock)
//	Studio domain           Domains, Domain                                        -
//	user profile            UserProfiles, UserProfile                              -
//	space, app              Spaces, Apps                                           -
//	project                 Projects, Project                                      -
//	training job            TrainingJobs (paged, sorted, filtered), TrainingJob,   CreateTrainingJob, StopTrainingJob
//	                        TrainingJobCount, TrainingJobArn, EachTrainingJob
//	                        (every summary with its tags: Search's scan)
//	model profile           Profile (a project's model kind and quality)           -
//	processing job          ProcessingJobs, ProcessingJob, ProcessingJobArn        (pipelines start them)
//	pipeline                Pipelines, Pipeline, PipelineArn                       -
//	pipeline execution      PipelineExecutions, PipelineExecution,                 StartPipelineExecution (ClientRequestToken),
//	                        PipelineExecutionSteps, PipelineExecutionArn           StopPipelineExecution, RetryPipelineExecution
//	model package group     ModelPackageGroups, ModelPackageGroup,                 -
//	                        ModelPackageGroupArn
//	model package           ModelPackages, ModelPackage, ModelPackageArn           UpdateModelPackage (approval deploys)
//	model, endpoint config  Models, Model, EndpointConfigs, EndpointConfig         -
//	endpoint                Endpoints, Endpoint                                    InvokeEndpoint
//	S3                      Buckets, Objects (ListObjectsV2), Object               PutObject
//	CloudWatch metrics      MetricData, ListMetrics, MetricUnit                    -
//	CloudWatch alarms       Alarms, AlarmHistory                                   -
//	CloudWatch Logs         LogGroups, LogStreams, LogEvents (forward tokens),     -
//	                        FilterLogEvents (filter patterns, across streams)
//	API Gateway             RestApis, RestApi, Stages, Stage, Resources,           -
//	                        Deployments
//	WAF                     WebACLs, WebACL                                        -
//	AWS Backup              BackupVaults, BackupPlans, RecoveryPoints,             StartRestoreJob (IdempotencyToken)
//	                        RecoveryPoint, BackupJobs, RestoreJobs, RestoreJob,
//	                        RestoreJobMetadata
//	EFS                     FileSystems, FileSystem                                -
//	tags (any ARN)          Tags                                                   AddTags, DeleteTags
//
// Functions that need no world: ParseArn and TagValue (ARNs and tags as
// handlers read them), HDBResalePrice and EvaluationReport (the simulated
// models, for scenario data that agrees with the endpoints). A Builder
// (inside Build) places the scenario's resources: Add… for each kind
// above, At to move its clock.
//
// Errors are typed so handlers can map them to AWS error codes: ErrNotFound
// (ResourceNotFound and the service's own not-found codes), ErrValidation
// (ValidationException), ErrInUse (ResourceInUse), ErrConflict,
// ErrLimitExceeded (ResourceLimitExceeded) and ErrModel (SageMaker
// Runtime's ModelError).
//
// Metric namespaces: AWS/SageMaker (Invocations, Invocation4XXErrors,
// Invocation5XXErrors, ModelLatency and OverheadLatency in microseconds;
// EndpointName+VariantName), /aws/sagemaker/Endpoints (CPU, memory and
// disk utilisation), /aws/sagemaker/TrainingJobs and
// /aws/sagemaker/ProcessingJobs (Host=<job>/algo-<n>), AWS/ApiGateway
// (ApiName[+Stage]) and AWS/WAFV2 (WebACL+Region+Rule).
package world
