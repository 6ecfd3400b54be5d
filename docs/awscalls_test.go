package docs

import (
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strings"
	"testing"
)

// apiFile lists, as Go interfaces, every SDK method agdash may call.
const apiFile = "../backend/aws/api.go"

// service is what PERMISSIONS.md says of one interface of api.go.
type service struct {
	label  string // the service's name in the docs
	prefix string // its IAM action prefix (the sandbox's IAM check uses the same)
}

var services = map[string]service{
	"SageMakerAPI":      {label: "SageMaker", prefix: "sagemaker"},
	"RuntimeAPI":        {label: "SageMaker Runtime", prefix: "sagemaker"},
	"CloudWatchAPI":     {label: "CloudWatch", prefix: "cloudwatch"},
	"LogsAPI":           {label: "CloudWatch Logs", prefix: "logs"},
	"BackupAPI":         {label: "AWS Backup", prefix: "backup"},
	"EFSAPI":            {label: "EFS", prefix: "elasticfilesystem"},
	"S3API":             {label: "S3", prefix: "s3"},
	"STSAPI":            {label: "STS", prefix: "sts"},
	"APIGatewayAPI":     {label: "API Gateway", prefix: "apigateway"},
	"ServiceCatalogAPI": {label: "Service Catalog", prefix: "servicecatalog"},
}

// callUse says why agdash makes each call, and the IAM actions it needs
// where they are not simply prefix:Method. Keys are "Interface.Method".
// A call in api.go that no pane makes says so with notCalled.
var callUse = map[string]struct {
	use       string
	actions   []string // nil: prefix:Method
	notCalled bool
}{
	"SageMakerAPI.ListDomains":                            {use: "at start: Studio domains (Projects, governance; Backups maps users to home directories)"},
	"SageMakerAPI.DescribeDomain":                         {use: "at start: each domain's home file system"},
	"SageMakerAPI.ListUserProfiles":                       {use: "at start: who you are (your role and projects are tags on your profile); Projects: members"},
	"SageMakerAPI.DescribeUserProfile":                    {use: "Backups: each user's home directory (its POSIX uid)"},
	"SageMakerAPI.ListApps":                               {use: "at start: running Studio apps (Projects, governance)"},
	"SageMakerAPI.ListSpaces":                             {use: "at start: which member owns a shared space's app"},
	"SageMakerAPI.ListProjects":                           {use: "at start: Projects"},
	"SageMakerAPI.DescribeProject":                        {use: "Projects: a project that Search did not return"},
	"SageMakerAPI.ListTags":                               {use: "tags where Search is refused or lags: roles, members, limits, a resource's project"},
	"SageMakerAPI.Search":                                 {use: "tags of many projects, endpoints, pipelines, model groups or training jobs in one call"},
	"SageMakerAPI.ListTrainingJobs":                       {use: "at start: running jobs (governance); Training jobs"},
	"SageMakerAPI.DescribeTrainingJob":                    {use: "Training jobs: new, changed or running jobs, and the one you open"},
	"SageMakerAPI.StopTrainingJob":                        {use: "Training jobs: stop the job (`ctrl+k` or `S`)"},
	"SageMakerAPI.ListPipelines":                          {use: "at start: pipeline counts; Pipelines"},
	"SageMakerAPI.DescribePipeline":                       {use: "Pipelines: a pipeline's parameters"},
	"SageMakerAPI.ListPipelineExecutions":                 {use: "Pipelines: executions"},
	"SageMakerAPI.DescribePipelineExecution":              {use: "Pipelines: an execution's status and who started it"},
	"SageMakerAPI.DescribePipelineDefinitionForExecution": {use: "Pipelines: the step graph an execution ran"},
	"SageMakerAPI.ListPipelineExecutionSteps":             {use: "Pipelines: each step's status, failure reason, training job, model version"},
	"SageMakerAPI.ListPipelineParametersForExecution":     {use: "Pipelines: the parameters a run changed"},
	"SageMakerAPI.StartPipelineExecution":                 {use: "Pipelines: start a run with parameter overrides (`r`)"},
	"SageMakerAPI.StopPipelineExecution":                  {use: "Pipelines: stop a running execution (`x`)"},
	"SageMakerAPI.RetryPipelineExecution":                 {use: "Pipelines: retry a failed execution (`R`)"},
	"SageMakerAPI.ListModelPackageGroups":                 {use: "Registry: model groups"},
	"SageMakerAPI.ListModelPackages":                      {use: "Registry: a group's versions"},
	"SageMakerAPI.DescribeModelPackage":                   {use: "Registry: a version's metrics report, lineage and approval"},
	"SageMakerAPI.UpdateModelPackage":                     {use: "Registry: approve (`a`) or reject (`r`) a version"},
	"SageMakerAPI.ListEndpoints":                          {use: "at start: endpoint counts and instance types (governance); Endpoints"},
	"SageMakerAPI.DescribeEndpoint":                       {use: "Endpoints: variants, status, failure reason"},
	"SageMakerAPI.DescribeEndpointConfig":                 {use: "at start: each endpoint's instance types (governance); Endpoints: variants"},
	"RuntimeAPI.InvokeEndpoint":                           {use: "Endpoints: smoke test with a sample request (`i`)"},
	"CloudWatchAPI.GetMetricData":                         {use: "Endpoints: invocations, errors, latency, CPU, memory (batched); Training jobs: metric curves"},
	"CloudWatchAPI.ListMetrics":                           {use: "Training jobs: which metrics a job's hosts wrote"},
	"CloudWatchAPI.DescribeAlarms":                        {use: "Endpoints: alarm states"},
	"LogsAPI.DescribeLogStreams":                          {use: "Training jobs: a job's log streams (`l`)"},
	"LogsAPI.GetLogEvents":                                {use: "Training jobs: following a job's log (`l`)"},
	"LogsAPI.FilterLogEvents":                             {use: "Endpoints: an endpoint's log (Logs tab, `l`)"},
	"BackupAPI.ListBackupVaults":                          {use: "in the client, not called by any pane", notCalled: true},
	"BackupAPI.ListRecoveryPointsByResource":              {use: "Backups: a file system's recovery points"},
	"BackupAPI.ListRecoveryPointsByBackupVault":           {use: "Backups: the recovery points in full (plan, role), one call per vault"},
	"BackupAPI.DescribeRecoveryPoint":                     {use: "Backups: a recovery point the vault listing did not give"},
	"BackupAPI.StartRestoreJob":                           {use: "Backups: restore a user's files (`r`); passes the restore role to AWS Backup", actions: []string{"backup:StartRestoreJob", "iam:PassRole"}},
	"BackupAPI.DescribeRestoreJob":                        {use: "Backups: following a restore job"},
	"BackupAPI.ListRestoreJobs":                           {use: "Backups: restore jobs (`R`)"},
	"EFSAPI.DescribeFileSystems":                          {use: "Backups: the Studio home file systems"},
	"S3API.GetObject":                                     {use: "Registry: evaluation reports (the versions' ModelMetrics URIs)"},
	"S3API.ListObjectsV2":                                 {use: "in the client, not called by any pane", actions: []string{"s3:ListBucket"}, notCalled: true},
	"STSAPI.GetCallerIdentity":                            {use: "at start: the account and who you are", actions: []string{}},
	"APIGatewayAPI.GetRestApis":                           {use: "Endpoints: the REST APIs in front of endpoints", actions: []string{"apigateway:GET"}},
	"APIGatewayAPI.GetStages":                             {use: "Endpoints: each API's stage: throttling, WAF", actions: []string{"apigateway:GET"}},
	"APIGatewayAPI.GetResources":                          {use: "Endpoints: which endpoint each API integrates", actions: []string{"apigateway:GET"}},
	"ServiceCatalogAPI.DescribeProduct":                   {use: "Projects: a template's name (projects name it by product id), once per template per session"},
}

// call is one SDK method agdash may call.
type call struct {
	iface, method string
}

func (c call) key() string { return c.iface + "." + c.method }

// actions are the IAM actions the call needs (none for sts:GetCallerIdentity).
func (c call) actions() []string {
	if a := callUse[c.key()].actions; a != nil {
		return a
	}
	return []string{services[c.iface].prefix + ":" + c.method}
}

// readAPICalls lists the methods of every interface in api.go, in file order.
func readAPICalls(t *testing.T) []call {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), apiFile, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var calls []call
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, s := range g.Specs {
			ts, ok := s.(*ast.TypeSpec)
			if !ok {
				continue
			}
			it, ok := ts.Type.(*ast.InterfaceType)
			if !ok {
				continue
			}
			for _, m := range it.Methods.List {
				for _, n := range m.Names {
					calls = append(calls, call{iface: ts.Name.Name, method: n.Name})
				}
			}
		}
	}
	if len(calls) == 0 {
		t.Fatalf("%s declares no interface methods: has the list of SDK calls moved?", apiFile)
	}
	return calls
}

// TestEveryCallIsExplained fails when api.go gains a call the docs do not
// explain, or loses one they still do.
func TestEveryCallIsExplained(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range readAPICalls(t) {
		seen[c.key()] = true
		if _, ok := services[c.iface]; !ok {
			t.Errorf("%s declares interface %s, which docs/awscalls_test.go's services does not name", apiFile, c.iface)
		}
		if u, ok := callUse[c.key()]; !ok || u.use == "" {
			t.Errorf("%s calls %s; say why in callUse (docs/awscalls_test.go) and regenerate PERMISSIONS.md", apiFile, c.key())
		}
	}
	var gone []string
	for k := range callUse {
		if !seen[k] {
			gone = append(gone, k)
		}
	}
	sort.Strings(gone)
	if len(gone) > 0 {
		t.Errorf("callUse explains calls %s no longer declares: %s", apiFile, strings.Join(gone, ", "))
	}
}

// callsTable is PERMISSIONS.md's table of every call.
func callsTable(calls []call) string {
	var b strings.Builder
	b.WriteString("| service | call | IAM action | why agdash makes it |\n| --- | --- | --- | --- |\n")
	for _, c := range calls {
		acts := c.actions()
		cell := "none (always allowed)"
		if len(acts) > 0 {
			cell = "`" + strings.Join(acts, "`, `") + "`"
		}
		b.WriteString("| " + services[c.iface].label + " | " + c.method + " | " + cell + " | " + callUse[c.key()].use + " |\n")
	}
	return b.String()
}

func TestPermissionsCallsTable(t *testing.T) {
	checkBlock(t, "PERMISSIONS.md", "calls", callsTable(readAPICalls(t)))
}
