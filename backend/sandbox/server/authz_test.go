package server_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/sagemakerruntime"

	"github.com/agdash/agdash/backend/sandbox/iam"
	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

// TestRolePermissionsThroughTheSDK: the same calls, made by each role's
// credentials, are allowed or denied as the role table says; a denial
// names the resource the request names, as AWS's does.
func TestRolePermissionsThroughTheSDK(t *testing.T) {
	srv := start(t, server.Options{})
	ctx := context.Background()
	calls := map[string]func(cfg aws.Config) error{
		"cloudwatch:ListMetrics": func(cfg aws.Config) error {
			_, err := cloudwatch.NewFromConfig(cfg).ListMetrics(ctx, &cloudwatch.ListMetricsInput{})
			return err
		},
		"cloudwatch:DeleteAlarms": func(cfg aws.Config) error {
			_, err := cloudwatch.NewFromConfig(cfg).DeleteAlarms(ctx, &cloudwatch.DeleteAlarmsInput{AlarmNames: []string{"hdb-resale/latency"}})
			return err
		},
		"sagemaker:InvokeEndpoint": func(cfg aws.Config) error {
			_, err := sagemakerruntime.NewFromConfig(cfg).InvokeEndpoint(ctx, &sagemakerruntime.InvokeEndpointInput{
				EndpointName: aws.String("hdb-resale-prod"), Body: []byte(`{"town":"TAMPINES"}`), ContentType: aws.String("application/json"),
			})
			return err
		},
		"backup:StartRestoreJob": func(cfg aws.Config) error {
			_, err := backup.NewFromConfig(cfg).StartRestoreJob(ctx, &backup.StartRestoreJobInput{
				RecoveryPointArn: aws.String("arn:aws:backup:ap-southeast-1:123456789012:recovery-point:rp-2"),
				Metadata:         map[string]string{"file-system-id": "fs-0123"},
			})
			return err
		},
	}
	resources := map[string]string{
		"cloudwatch:DeleteAlarms": "arn:aws:cloudwatch:ap-southeast-1:123456789012:alarm:hdb-resale/latency",
		"backup:StartRestoreJob":  "arn:aws:backup:ap-southeast-1:123456789012:recovery-point:rp-2",
	}
	allowed := map[iam.AGRole]map[string]bool{
		iam.RoleOnCall:        {"cloudwatch:ListMetrics": true, "sagemaker:InvokeEndpoint": true},
		iam.RoleDataScientist: {"cloudwatch:ListMetrics": true, "sagemaker:InvokeEndpoint": true},
		iam.RoleMLOpsEngineer: {"cloudwatch:ListMetrics": true, "sagemaker:InvokeEndpoint": true},
		iam.RoleProjectAdmin:  {"cloudwatch:ListMetrics": true, "sagemaker:InvokeEndpoint": true, "cloudwatch:DeleteAlarms": true, "backup:StartRestoreJob": true},
	}
	for _, p := range servertest.Principals() {
		for action, call := range calls {
			t.Run(string(p.Role)+"/"+action, func(t *testing.T) {
				err := call(servertest.Config(srv, p))
				if allowed[p.Role][action] {
					if err != nil {
						t.Fatalf("want allowed, got %v", err)
					}
					return
				}
				code, msg := servertest.APIError(t, err)
				if code != "AccessDeniedException" && code != "AccessDenied" {
					t.Fatalf("code = %q (%s), want access denied", code, msg)
				}
				if want := iam.DenyMessage(p, action, resources[action]); msg != want {
					t.Errorf("message =\n%s\nwant\n%s", msg, want)
				}
			})
		}
	}
}

// TestMutationOutsideOwnProjectIsDenied: a data scientist may invoke their
// project's endpoint but not another project's; the message names the
// endpoint's ARN as AWS would.
func TestMutationOutsideOwnProjectIsDenied(t *testing.T) {
	srv := start(t, server.Options{})
	ds := servertest.DataScientist
	client := sagemakerruntime.NewFromConfig(servertest.Config(srv, ds))
	out, err := client.InvokeEndpoint(context.Background(), &sagemakerruntime.InvokeEndpointInput{
		EndpointName: aws.String("hdb-resale-prod"), Body: []byte(`{"town":"BEDOK"}`), ContentType: aws.String("application/json"),
		CustomAttributes: aws.String("trace=1"),
	})
	if err != nil {
		t.Fatalf("own project: %v", err)
	}
	want := `{"endpoint":"hdb-resale-prod","contentType":"application/json","bytes":16,"echo":{"town":"BEDOK"}}`
	if string(out.Body) != want || aws.ToString(out.ContentType) != "application/json" ||
		aws.ToString(out.InvokedProductionVariant) != "AllTraffic" || aws.ToString(out.CustomAttributes) != "trace=1" {
		t.Errorf("InvokeEndpoint = body %s type %q variant %q attrs %q", out.Body, aws.ToString(out.ContentType),
			aws.ToString(out.InvokedProductionVariant), aws.ToString(out.CustomAttributes))
	}

	_, err = client.InvokeEndpoint(context.Background(), &sagemakerruntime.InvokeEndpointInput{
		EndpointName: aws.String("cpf-fraud-prod"), Body: []byte(`{}`), ContentType: aws.String("application/json"),
	})
	msg := servertest.WantCode(t, err, "AccessDeniedException")
	wantMsg := "User: " + ds.ARN + " is not authorized to perform: sagemaker:InvokeEndpoint on resource: " +
		"arn:aws:sagemaker:ap-southeast-1:123456789012:endpoint/cpf-fraud-prod because no identity-based policy allows the sagemaker:InvokeEndpoint action"
	if msg != wantMsg {
		t.Errorf("message =\n%s\nwant\n%s", msg, wantMsg)
	}
	if got := httpStatus(t, err); got != 403 {
		t.Errorf("status = %d, want 403", got)
	}
}
