package apigateway

import (
	"context"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// MethodSetting is a stage's settings for methods matching a
// "<resource path>/<method>" key ("*/*" for all).
type MethodSetting struct {
	MetricsEnabled                         bool    `aws:"metricsEnabled"`
	LoggingLevel                           string  `aws:"loggingLevel"`
	DataTraceEnabled                       bool    `aws:"dataTraceEnabled"`
	ThrottlingBurstLimit                   int32   `aws:"throttlingBurstLimit"`
	ThrottlingRateLimit                    float64 `aws:"throttlingRateLimit"`
	CachingEnabled                         bool    `aws:"cachingEnabled"`
	CacheTtlInSeconds                      int32   `aws:"cacheTtlInSeconds"`
	CacheDataEncrypted                     bool    `aws:"cacheDataEncrypted"`
	RequireAuthorizationForCacheControl    bool    `aws:"requireAuthorizationForCacheControl"`
	UnauthorizedCacheControlHeaderStrategy string  `aws:"unauthorizedCacheControlHeaderStrategy"`
}

// Stage is a deployment stage as API Gateway describes it.
type Stage struct {
	StageName          string                   `aws:"stageName"`
	DeploymentId       string                   `aws:"deploymentId"`
	Description        string                   `aws:"description"`
	CreatedDate        time.Time                `aws:"createdDate"`
	LastUpdatedDate    time.Time                `aws:"lastUpdatedDate"`
	CacheClusterStatus string                   `aws:"cacheClusterStatus"`
	MethodSettings     map[string]MethodSetting `aws:"methodSettings"`
	Variables          map[string]string        `aws:"variables"`
	TracingEnabled     bool                     `aws:"tracingEnabled"`
	WebAclArn          string                   `aws:"webAclArn"`
	Tags               map[string]string        `aws:"tags"`
}

func stage(s world.Stage) Stage {
	settings := make(map[string]MethodSetting, len(s.MethodSettings))
	for k, m := range s.MethodSettings {
		settings[k] = MethodSetting{
			MetricsEnabled: m.MetricsEnabled, LoggingLevel: m.LoggingLevel, DataTraceEnabled: m.DataTraceEnabled,
			ThrottlingBurstLimit: m.ThrottlingBurstLimit, ThrottlingRateLimit: m.ThrottlingRateLimit,
			CachingEnabled: m.CachingEnabled, CacheTtlInSeconds: 300, RequireAuthorizationForCacheControl: true,
			UnauthorizedCacheControlHeaderStrategy: "SUCCEED_WITH_RESPONSE_HEADER",
		}
	}
	return Stage{
		StageName: s.StageName, DeploymentId: s.DeploymentId, Description: s.Description, CreatedDate: s.CreatedDate,
		LastUpdatedDate: s.LastUpdatedDate, CacheClusterStatus: "NOT_AVAILABLE", MethodSettings: settings,
		Variables: s.Variables, TracingEnabled: s.TracingEnabled, WebAclArn: s.WebAclArn, Tags: s.Tags,
	}
}

// GetStagesInput is GetStages' request.
type GetStagesInput struct {
	RestApiId    string  `aws:"restApiId,uri"`
	DeploymentId *string `aws:"deploymentId,query"`
}

// GetStagesOutput is GetStages' answer (not paged, as in AWS).
type GetStagesOutput struct {
	Item []Stage `aws:"item"`
}

// getStages lists an API's stages, those of one deployment if asked.
// aws apigateway get-stages --rest-api-id ID
func (h handlers) getStages(_ context.Context, call *server.Call, in *GetStagesInput) (*GetStagesOutput, error) {
	stages, err := h.world.Stages(in.RestApiId)
	if err != nil {
		return nil, notFound("API", call, in.RestApiId)
	}
	out := &GetStagesOutput{Item: []Stage{}}
	for _, s := range stages {
		if in.DeploymentId == nil || s.DeploymentId == *in.DeploymentId {
			out.Item = append(out.Item, stage(s))
		}
	}
	return out, nil
}

// GetStageInput is GetStage's request.
type GetStageInput struct {
	RestApiId string `aws:"restApiId,uri"`
	StageName string `aws:"stageName,uri"`
}

// getStage describes one stage.
// aws apigateway get-stage --rest-api-id ID --stage-name NAME
func (h handlers) getStage(_ context.Context, call *server.Call, in *GetStageInput) (*Stage, error) {
	if _, err := h.world.RestApi(in.RestApiId); err != nil {
		return nil, notFound("API", call, in.RestApiId)
	}
	s, err := h.world.Stage(in.RestApiId, in.StageName)
	if err != nil {
		return nil, notFound("Stage", call, in.StageName)
	}
	out := stage(s)
	return &out, nil
}
