package sagemaker_test

import (
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sm "github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

func TestListEndpoints(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call")
	want := env.World().Endpoints()
	var got []types.EndpointSummary
	p := sm.NewListEndpointsPaginator(c, &sm.ListEndpointsInput{MaxResults: aws.Int32(4)})
	for p.HasMorePages() {
		out, err := p.NextPage(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, out.Endpoints...)
	}
	if len(got) != len(want) || len(want) < 5 {
		t.Fatalf("paged %d endpoints, want %d", len(got), len(want))
	}
	for i := 1; i < len(got); i++ {
		if got[i].CreationTime.After(*got[i-1].CreationTime) {
			t.Error("endpoints are not newest first (the default)")
		}
	}
	byName := map[string]types.EndpointSummary{}
	for _, e := range got {
		byName[aws.ToString(e.EndpointName)] = e
	}
	for _, w := range want {
		e, ok := byName[w.EndpointName]
		if !ok {
			t.Errorf("endpoint %s missing", w.EndpointName)
			continue
		}
		wantStr(t, "EndpointArn", e.EndpointArn, w.EndpointArn)
		if string(e.EndpointStatus) != w.EndpointStatus {
			t.Errorf("%s: status %s, want %s", w.EndpointName, e.EndpointStatus, w.EndpointStatus)
		}
		wantTime(t, "LastModifiedTime", e.LastModifiedTime, w.LastModifiedTime)
	}

	failed, err := c.ListEndpoints(t.Context(), &sm.ListEndpointsInput{StatusEquals: types.EndpointStatusFailed})
	if err != nil {
		t.Fatal(err)
	}
	if len(failed.Endpoints) != 1 || aws.ToString(failed.Endpoints[0].EndpointName) != "mom-wsh-incident-risk-staging" {
		t.Errorf("Failed endpoints = %v", failed.Endpoints)
	}
	named, err := c.ListEndpoints(t.Context(), &sm.ListEndpointsInput{NameContains: aws.String("HDB"), SortBy: types.EndpointSortKeyName, SortOrder: types.OrderKeyAscending})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range named.Endpoints {
		names = append(names, aws.ToString(e.EndpointName))
	}
	if !slices.Equal(names, []string{"hdb-flat-demand-prod", "hdb-resale-valuation-prod", "hdb-resale-valuation-staging"}) {
		t.Errorf("NameContains HDB by name = %v", names)
	}
	_, err = c.ListEndpoints(t.Context(), &sm.ListEndpointsInput{StatusEquals: "Broken"})
	servertest.WantCode(t, err, "ValidationException")
}

func TestDescribeEndpointConfigAndModel(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call")
	w, err := env.World().Endpoint("mom-work-pass-fraud-prod")
	if err != nil {
		t.Fatal(err)
	}
	d, err := c.DescribeEndpoint(t.Context(), &sm.DescribeEndpointInput{EndpointName: aws.String(w.EndpointName)})
	if err != nil {
		t.Fatal(err)
	}
	wantStr(t, "EndpointArn", d.EndpointArn, w.EndpointArn)
	wantStr(t, "EndpointConfigName", d.EndpointConfigName, w.EndpointConfigName)
	if len(d.ProductionVariants) != len(w.ProductionVariants) || len(w.ProductionVariants) != 2 {
		t.Fatalf("%d variants, want %d (Primary and Challenger)", len(d.ProductionVariants), len(w.ProductionVariants))
	}
	for i, v := range d.ProductionVariants {
		wv := w.ProductionVariants[i]
		wantStr(t, "VariantName", v.VariantName, wv.VariantName)
		if aws.ToInt32(v.CurrentInstanceCount) != wv.CurrentInstanceCount || aws.ToInt32(v.DesiredInstanceCount) != wv.DesiredInstanceCount {
			t.Errorf("%s: instances %d/%d, want %d/%d", wv.VariantName, aws.ToInt32(v.CurrentInstanceCount), aws.ToInt32(v.DesiredInstanceCount), wv.CurrentInstanceCount, wv.DesiredInstanceCount)
		}
		if aws.ToFloat32(v.CurrentWeight) != wv.CurrentWeight || wv.CurrentWeight == 0 {
			t.Errorf("%s: weight %v, want %v", wv.VariantName, aws.ToFloat32(v.CurrentWeight), wv.CurrentWeight)
		}
		if len(v.DeployedImages) != 1 || aws.ToString(v.DeployedImages[0].ResolvedImage) != wv.DeployedImages[0].ResolvedImage {
			t.Errorf("%s: deployed images %+v, want %+v", wv.VariantName, v.DeployedImages, wv.DeployedImages)
		}
	}

	failed, err := c.DescribeEndpoint(t.Context(), &sm.DescribeEndpointInput{EndpointName: aws.String("mom-wsh-incident-risk-staging")})
	if err != nil {
		t.Fatal(err)
	}
	if failed.EndpointStatus != types.EndpointStatusFailed || aws.ToString(failed.FailureReason) == "" {
		t.Errorf("failed endpoint: %s %q", failed.EndpointStatus, aws.ToString(failed.FailureReason))
	}
	updating, err := c.DescribeEndpoint(t.Context(), &sm.DescribeEndpointInput{EndpointName: aws.String("mom-work-pass-fraud-staging")})
	if err != nil {
		t.Fatal(err)
	}
	if updating.EndpointStatus != types.EndpointStatusUpdating || updating.PendingDeploymentSummary == nil {
		t.Errorf("updating endpoint: %s, pending %+v", updating.EndpointStatus, updating.PendingDeploymentSummary)
	}
	_, err = c.DescribeEndpoint(t.Context(), &sm.DescribeEndpointInput{EndpointName: aws.String("nope")})
	servertest.WantCode(t, err, "ValidationException")

	cfg, err := c.DescribeEndpointConfig(t.Context(), &sm.DescribeEndpointConfigInput{EndpointConfigName: d.EndpointConfigName})
	if err != nil {
		t.Fatal(err)
	}
	wc, _ := env.World().EndpointConfig(w.EndpointConfigName)
	if len(cfg.ProductionVariants) != len(wc.ProductionVariants) {
		t.Fatalf("config has %d variants, want %d", len(cfg.ProductionVariants), len(wc.ProductionVariants))
	}
	v := cfg.ProductionVariants[0]
	if string(v.InstanceType) != wc.ProductionVariants[0].InstanceType || aws.ToInt32(v.InitialInstanceCount) != wc.ProductionVariants[0].InitialInstanceCount {
		t.Errorf("variant %s×%d, want %s×%d", v.InstanceType, aws.ToInt32(v.InitialInstanceCount), wc.ProductionVariants[0].InstanceType, wc.ProductionVariants[0].InitialInstanceCount)
	}
	_, err = c.DescribeEndpointConfig(t.Context(), &sm.DescribeEndpointConfigInput{EndpointConfigName: aws.String("nope")})
	servertest.WantCode(t, err, "ValidationException")

	cfgs, err := c.ListEndpointConfigs(t.Context(), &sm.ListEndpointConfigsInput{MaxResults: aws.Int32(100)})
	if err != nil {
		t.Fatal(err)
	}
	if len(cfgs.EndpointConfigs) != len(env.World().EndpointConfigs()) {
		t.Errorf("%d endpoint configs, want %d", len(cfgs.EndpointConfigs), len(env.World().EndpointConfigs()))
	}

	m, err := c.DescribeModel(t.Context(), &sm.DescribeModelInput{ModelName: v.ModelName})
	if err != nil {
		t.Fatal(err)
	}
	wm, _ := env.World().Model(aws.ToString(v.ModelName))
	if m.PrimaryContainer == nil || aws.ToString(m.PrimaryContainer.Image) != wm.PrimaryContainer.Image || wm.PrimaryContainer.Image == "" {
		t.Errorf("model container %+v, want image %s", m.PrimaryContainer, wm.PrimaryContainer.Image)
	}
	wantStr(t, "ExecutionRoleArn", m.ExecutionRoleArn, wm.ExecutionRoleArn)
	models, err := c.ListModels(t.Context(), &sm.ListModelsInput{SortBy: types.ModelSortKeyName, SortOrder: types.OrderKeyAscending, MaxResults: aws.Int32(100)})
	if err != nil {
		t.Fatal(err)
	}
	wms := env.World().Models()
	if len(models.Models) != len(wms) {
		t.Fatalf("%d models, want %d", len(models.Models), len(wms))
	}
	for i, mm := range models.Models {
		wantStr(t, "ModelName", mm.ModelName, wms[i].ModelName)
	}
	_, err = c.DescribeModel(t.Context(), &sm.DescribeModelInput{ModelName: aws.String("nope")})
	servertest.WantCode(t, err, "ValidationException")
}
