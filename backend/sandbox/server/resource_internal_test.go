package server

import (
	"testing"

	"github.com/agdash/agdash/backend/sandbox/iam"
)

// A denial names the resource the way the service's ARNs do: SageMaker's
// lower-cased names under their resource type, an ARN the request gives
// as it is, S3 objects without region or account, and "*" when the
// request names nothing.
func TestRequestResourceNamesWhatTheRequestNames(t *testing.T) {
	type stopTrainingJob struct {
		TrainingJobName string `aws:",required"`
	}
	type startPipelineExecution struct {
		PipelineName                 string `aws:",required"`
		PipelineExecutionDisplayName *string
	}
	type updateModelPackage struct {
		ModelPackageArn     string `aws:",required"`
		ModelApprovalStatus *string
	}
	type invokeEndpoint struct {
		EndpointName *string `aws:",uri,required"`
		Body         []byte  `aws:",payload"`
	}
	type startRestoreJob struct {
		IamRoleArn       *string
		RecoveryPointArn *string `aws:",required"`
	}
	type putObject struct {
		Bucket string `aws:",uri"`
		Key    string `aws:",uri"`
	}
	type describeProduct struct {
		Id   *string
		Name *string
	}
	type listSomething struct {
		NextToken *string
	}
	str := func(s string) *string { return &s }
	s := &Server{}
	caller := iam.Principal{Account: "318224574112"}
	call := func(prefix string) *Call {
		return &Call{Principal: caller, Region: "ap-southeast-1", iamPrefix: prefix}
	}
	cases := []struct {
		name   string
		prefix string
		in     any
		want   string
	}{
		{"training job, lower-cased", "sagemaker", &stopTrainingJob{TrainingJobName: "HDB-Resale-Ranger-0412"},
			"arn:aws:sagemaker:ap-southeast-1:318224574112:training-job/hdb-resale-ranger-0412"},
		{"pipeline by name", "sagemaker", &startPipelineExecution{PipelineName: "hdb-resale-valuation", PipelineExecutionDisplayName: str("retrain")},
			"arn:aws:sagemaker:ap-southeast-1:318224574112:pipeline/hdb-resale-valuation"},
		{"pipeline by ARN", "sagemaker", &startPipelineExecution{PipelineName: "arn:aws:sagemaker:ap-southeast-1:318224574112:pipeline/hdb-resale-valuation"},
			"arn:aws:sagemaker:ap-southeast-1:318224574112:pipeline/hdb-resale-valuation"},
		{"model package by ARN", "sagemaker", &updateModelPackage{ModelPackageArn: "arn:aws:sagemaker:ap-southeast-1:318224574112:model-package/hdb-resale-valuation/14"},
			"arn:aws:sagemaker:ap-southeast-1:318224574112:model-package/hdb-resale-valuation/14"},
		{"endpoint", "sagemaker", &invokeEndpoint{EndpointName: str("hdb-resale-valuation-prod")},
			"arn:aws:sagemaker:ap-southeast-1:318224574112:endpoint/hdb-resale-valuation-prod"},
		{"recovery point, not the role", "backup", &startRestoreJob{IamRoleArn: str("arn:aws:iam::318224574112:role/AWSBackupDefaultServiceRole"),
			RecoveryPointArn: str("arn:aws:backup:ap-southeast-1:318224574112:recovery-point:1EB3B5E7-9EB0-435A-A80B-108B488B0D45")},
			"arn:aws:backup:ap-southeast-1:318224574112:recovery-point:1EB3B5E7-9EB0-435A-A80B-108B488B0D45"},
		{"S3 object", "s3", &putObject{Bucket: "hdb-resale-transactions", Key: "exports/2025-05.csv"},
			"arn:aws:s3:::hdb-resale-transactions/exports/2025-05.csv"},
		{"SageMaker names mean nothing elsewhere", "backup", &stopTrainingJob{TrainingJobName: "hdb-resale-ranger-0412"},
			"arn:aws:backup:ap-southeast-1:318224574112:*"},
		{"Service Catalog product, under catalog", "servicecatalog", &describeProduct{Id: str("prod-4zq6pxdgxtbqa")},
			"arn:aws:catalog:ap-southeast-1:318224574112:product/prod-4zq6pxdgxtbqa"},
		{"Service Catalog product by name", "servicecatalog", &describeProduct{Name: str("R model build, train and deploy (plumber)")},
			"arn:aws:servicecatalog:ap-southeast-1:318224574112:*"},
		{"nothing named", "sagemaker", &listSomething{}, "arn:aws:sagemaker:ap-southeast-1:318224574112:*"},
		{"an absent name", "sagemaker", &invokeEndpoint{}, "arn:aws:sagemaker:ap-southeast-1:318224574112:*"},
	}
	for _, c := range cases {
		if got := s.requestResource(call(c.prefix), c.in); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}
