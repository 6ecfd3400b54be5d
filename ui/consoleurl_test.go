package ui

import (
	"strings"
	"testing"

	"github.com/agdash/agdash/views/kit"
)

func TestConsoleURL(t *testing.T) {
	const sg = "ap-southeast-1"
	const home = "https://ap-southeast-1.console.aws.amazon.com/"
	rpARN := "arn:aws:backup:ap-southeast-1:123456789012:recovery-point:0f3e1c2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b"
	cases := []struct {
		name   string
		r      kit.Resource
		region string
		want   string
	}{
		{"training job", kit.Resource{Kind: kit.ResourceTrainingJob, Name: "hdb-resale-train-0412"}, sg,
			home + "sagemaker/home?region=ap-southeast-1#/jobs/hdb-resale-train-0412"},
		{"training job in another region by its ARN", kit.Resource{Kind: kit.ResourceTrainingJob, Name: "lta-train",
			ARN: "arn:aws:sagemaker:us-west-2:123456789012:training-job/lta-train"}, sg,
			"https://us-west-2.console.aws.amazon.com/sagemaker/home?region=us-west-2#/jobs/lta-train"},
		{"pipeline", kit.Resource{Kind: kit.ResourcePipeline, Name: "hdb-resale-train"}, sg,
			home + "sagemaker/home?region=ap-southeast-1#/pipelines/hdb-resale-train"},
		{"pipeline execution from its ARN", kit.Resource{Kind: kit.ResourcePipelineExecution,
			ARN: "arn:aws:sagemaker:ap-southeast-1:123456789012:pipeline/hdb-resale-train/execution/k2x9q0w7f3ab"}, "",
			home + "sagemaker/home?region=ap-southeast-1#/pipelines/hdb-resale-train/executions/k2x9q0w7f3ab"},
		{"model package group", kit.Resource{Kind: kit.ResourceModelGroup, Name: "hdb-resale-valuation"}, sg,
			home + "sagemaker/home?region=ap-southeast-1#/model-registry/hdb-resale-valuation/details"},
		{"model version from parent and name", kit.Resource{Kind: kit.ResourceModelVersion, Parent: "hdb-resale-valuation", Name: "7"}, sg,
			home + "sagemaker/home?region=ap-southeast-1#/model-registry/hdb-resale-valuation/versions/7"},
		{"model version from its ARN", kit.Resource{Kind: kit.ResourceModelVersion,
			ARN: "arn:aws:sagemaker:ap-southeast-1:123456789012:model-package/hdb-resale-valuation/12"}, "",
			home + "sagemaker/home?region=ap-southeast-1#/model-registry/hdb-resale-valuation/versions/12"},
		{"endpoint", kit.Resource{Kind: kit.ResourceEndpoint, Name: "hdb-resale-prod"}, sg,
			home + "sagemaker/home?region=ap-southeast-1#/endpoints/hdb-resale-prod"},
		{"Studio domain", kit.Resource{Kind: kit.ResourceStudioDomain, ID: "d-hdb0000000001", Name: "hdb-studio"}, sg,
			home + "sagemaker/home?region=ap-southeast-1#/studio/d-hdb0000000001"},
		{"project", kit.Resource{Kind: kit.ResourceProject, Name: "hdb-resale-valuation", ID: "p-abc123"}, sg,
			home + "sagemaker/home?region=ap-southeast-1#/projects/hdb-resale-valuation"},
		{"backup vault", kit.Resource{Kind: kit.ResourceBackupVault, Name: "ag-studio-vault"}, sg,
			home + "backup/home?region=ap-southeast-1#/backupvaults/details/ag-studio-vault"},
		{"recovery point: the ARN is one escaped path segment", kit.Resource{Kind: kit.ResourceRecoveryPoint, Parent: "ag-studio-vault", ARN: rpARN}, "",
			home + "backup/home?region=ap-southeast-1#/backupvaults/details/ag-studio-vault/arn%3Aaws%3Abackup%3Aap-southeast-1%3A123456789012%3Arecovery-point%3A0f3e1c2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b"},
		{"restore job", kit.Resource{Kind: kit.ResourceRestoreJob, ID: "8C2D4E6F-1A3B-5C7D-9E0F-2A4B6C8D0E1F"}, sg,
			home + "backup/home?region=ap-southeast-1#/jobs/restore/details/8C2D4E6F-1A3B-5C7D-9E0F-2A4B6C8D0E1F"},
		{"EFS file system", kit.Resource{Kind: kit.ResourceFileSystem, ID: "fs-0a1b2c3d4e5f60718"}, sg,
			home + "efs/home?region=ap-southeast-1#/file-systems/fs-0a1b2c3d4e5f60718"},
		{"China partition", kit.Resource{Kind: kit.ResourceEndpoint, Name: "ep"}, "cn-north-1",
			"https://cn-north-1.console.amazonaws.cn/sagemaker/home?region=cn-north-1#/endpoints/ep"},
		{"GovCloud partition", kit.Resource{Kind: kit.ResourceEndpoint, Name: "ep"}, "us-gov-west-1",
			"https://us-gov-west-1.console.amazonaws-us-gov.com/sagemaker/home?region=us-gov-west-1#/endpoints/ep"},
		{"a name with odd characters is escaped", kit.Resource{Kind: kit.ResourceEndpoint, Name: "a b#c?d"}, sg,
			home + "sagemaker/home?region=ap-southeast-1#/endpoints/a%20b%23c%3Fd"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := consoleURL(c.r, c.region)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestConsoleURLRefusesWhatItCannotLink(t *testing.T) {
	cases := []struct {
		name   string
		r      kit.Resource
		region string
		want   string
	}{
		{"no region", kit.Resource{Kind: kit.ResourceEndpoint, Name: "ep"}, "", "no region is known for the endpoint"},
		{"no name", kit.Resource{Kind: kit.ResourceTrainingJob}, "ap-southeast-1", "the selected training job has no name"},
		{"execution without ARN", kit.Resource{Kind: kit.ResourcePipelineExecution, Name: "x"}, "ap-southeast-1", "no execution ARN"},
		{"recovery point without vault", kit.Resource{Kind: kit.ResourceRecoveryPoint, ARN: "arn:aws:backup:ap-southeast-1:1:recovery-point:x"}, "", "has no vault"},
		{"domain without id", kit.Resource{Kind: kit.ResourceStudioDomain, Name: "hdb"}, "ap-southeast-1", "the selected Studio domain has no domain id"},
		{"unknown kind", kit.Resource{Kind: "notebook-instance", Name: "nb"}, "ap-southeast-1", `no console link for a "notebook-instance"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := consoleURL(c.r, c.region)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("consoleURL = %q, %v; want an error containing %q", got, err, c.want)
			}
		})
	}
}
