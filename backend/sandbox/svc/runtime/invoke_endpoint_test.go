package runtime_test

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemakerruntime"
	"github.com/aws/aws-sdk-go-v2/service/sagemakerruntime/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

const (
	hdbEndpoint      = "hdb-resale-valuation-prod"
	incidentEndpoint = "mom-work-pass-fraud-prod"
	failedEndpoint   = "mom-wsh-incident-risk-staging"
)

func client(t *testing.T, env *sandboxtest.Env, who string) *sagemakerruntime.Client {
	t.Helper()
	return sagemakerruntime.NewFromConfig(env.Config(t, who))
}

// tampines is a 4-room flat in Tampines as the HDB model reads it.
var tampines = map[string]string{
	"town": "TAMPINES", "flat_type": "4 ROOM", "floor_area_sqm": "92", "storey_range": "07 TO 09", "remaining_lease": "61 years 04 months",
}

type valuation struct {
	PredictedPrice float64 `json:"predicted_price"`
	Currency       string  `json:"currency"`
	ModelVersion   int32   `json:"model_version"`
}

// checkValuation asserts a price the world's model gives for features.
func checkValuation(t *testing.T, v valuation, features map[string]string) {
	t.Helper()
	want, err := world.HDBResalePrice(features, v.ModelVersion)
	if err != nil {
		t.Fatal(err)
	}
	if v.PredictedPrice != want || v.Currency != "SGD" || v.ModelVersion < 1 {
		t.Errorf("valuation %+v, want %v SGD from the endpoint's model version", v, want)
	}
	// A 4-room resale flat in Tampines goes for a few hundred thousand dollars.
	if v.PredictedPrice < 350000 || v.PredictedPrice > 900000 {
		t.Errorf("price %v SGD is not plausible for a 4-room flat in Tampines", v.PredictedPrice)
	}
}

func TestHDBEndpointPricesAFlatFromJSON(t *testing.T) {
	env := sandboxtest.Start(t)
	body, _ := json.Marshal(map[string]any{"town": "Tampines", "flat_type": "4 ROOM", "floor_area_sqm": 92,
		"storey_range": "07 TO 09", "remaining_lease": "61 years 04 months"})
	out, err := client(t, env, "on-call").InvokeEndpoint(context.Background(), &sagemakerruntime.InvokeEndpointInput{
		EndpointName: aws.String(hdbEndpoint), ContentType: aws.String("application/json"), Accept: aws.String("application/json"), Body: body,
	})
	if err != nil {
		t.Fatalf("InvokeEndpoint: %v", err)
	}
	if aws.ToString(out.ContentType) != "application/json" {
		t.Errorf("ContentType = %q", aws.ToString(out.ContentType))
	}
	e, _ := env.World().Endpoint(hdbEndpoint)
	if v := aws.ToString(out.InvokedProductionVariant); v != e.ProductionVariants[0].VariantName {
		t.Errorf("InvokedProductionVariant = %q, want %q", v, e.ProductionVariants[0].VariantName)
	}
	var v valuation
	if err := json.Unmarshal(out.Body, &v); err != nil {
		t.Fatalf("body %s: %v", out.Body, err)
	}
	checkValuation(t, v, tampines)
}

func TestHDBEndpointPricesFlatsFromCSV(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call")
	out, err := c.InvokeEndpoint(context.Background(), &sagemakerruntime.InvokeEndpointInput{
		EndpointName: aws.String(hdbEndpoint), ContentType: aws.String("text/csv"),
		Body: []byte("TAMPINES,4 ROOM,92,07 TO 09,61 years 04 months\n"),
	})
	if err != nil {
		t.Fatalf("InvokeEndpoint: %v", err)
	}
	var v valuation
	if err := json.Unmarshal(out.Body, &v); err != nil {
		t.Fatalf("body %s: %v", out.Body, err)
	}
	checkValuation(t, v, tampines)

	// A header row and two flats: one prediction each, in order.
	out, err = c.InvokeEndpoint(context.Background(), &sagemakerruntime.InvokeEndpointInput{
		EndpointName: aws.String(hdbEndpoint), ContentType: aws.String("text/csv"),
		Body: []byte("town,flat_type,floor_area_sqm,storey_range,remaining_lease\nTAMPINES,4 ROOM,92,07 TO 09,61 years 04 months\nBISHAN,5 ROOM,120,13 TO 15,70\n"),
	})
	if err != nil {
		t.Fatal(err)
	}
	var many struct{ Predictions []valuation }
	if err := json.Unmarshal(out.Body, &many); err != nil || len(many.Predictions) != 2 {
		t.Fatalf("body %s: %v", out.Body, err)
	}
	checkValuation(t, many.Predictions[0], tampines)
	bishan := map[string]string{"town": "BISHAN", "flat_type": "5 ROOM", "floor_area_sqm": "120", "storey_range": "13 TO 15", "remaining_lease": "70"}
	if want, _ := world.HDBResalePrice(bishan, many.Predictions[1].ModelVersion); many.Predictions[1].PredictedPrice != want ||
		want <= many.Predictions[0].PredictedPrice {
		t.Errorf("Bishan 5-room = %v, want %v (above the Tampines 4-room)", many.Predictions[1].PredictedPrice, want)
	}
}

func TestUnknownAndFailedEndpointsAreValidationErrors(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call")
	account := env.World().Account()
	for _, name := range []string{"no-such-endpoint", failedEndpoint} {
		_, err := c.InvokeEndpoint(context.Background(), &sagemakerruntime.InvokeEndpointInput{
			EndpointName: aws.String(name), ContentType: aws.String("application/json"), Body: []byte(`{}`)})
		var ve *types.ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("%s: err = %v, want ValidationError", name, err)
		}
		if want := "Endpoint " + name + " of account " + account + " not found."; ve.ErrorMessage() != want {
			t.Errorf("%s: message %q, want %q", name, ve.ErrorMessage(), want)
		}
	}
	if e, _ := env.World().Endpoint(failedEndpoint); e.EndpointStatus != world.EndpointFailed {
		t.Fatalf("%s is %s, the scenario's failed endpoint should be Failed", failedEndpoint, e.EndpointStatus)
	}
	_, err := c.InvokeEndpoint(context.Background(), &sagemakerruntime.InvokeEndpointInput{
		EndpointName: aws.String("bad_name!"), Body: []byte(`{}`)})
	if code, msg := servertest.APIError(t, err); code != "ValidationError" || !strings.Contains(msg, "endpointName") {
		t.Errorf("bad name: %s %s", code, msg)
	}
	_, err = c.InvokeEndpoint(context.Background(), &sagemakerruntime.InvokeEndpointInput{
		EndpointName: aws.String(hdbEndpoint), TargetVariant: aws.String("Nope"), Body: []byte(`{}`)})
	if code, msg := servertest.APIError(t, err); code != "ValidationError" || !strings.Contains(msg, "Nope") {
		t.Errorf("unknown variant: %s %s", code, msg)
	}
}

// TestIncidentEndpointAnswersSomeModelErrors: during the incident about a
// third of calls fail in the container with HTTP 500.
func TestIncidentEndpointAnswersSomeModelErrors(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call")
	var ok, failed int
	variants := map[string]int{}
	for i := 0; i < 60; i++ {
		out, err := c.InvokeEndpoint(context.Background(), &sagemakerruntime.InvokeEndpointInput{
			EndpointName: aws.String(incidentEndpoint), ContentType: aws.String("application/json"),
			Body: []byte(`{"nationality":"IN","pass_type":"EP","salary":7200,"employer_uen":"201912345K"}`),
		})
		var me *types.ModelError
		switch {
		case err == nil:
			ok++
			variants[aws.ToString(out.InvokedProductionVariant)]++
			var s struct {
				Score *float64 `json:"score"`
				Label *int     `json:"predicted_label"`
			}
			if json.Unmarshal(out.Body, &s) != nil || s.Score == nil || *s.Score < 0 || *s.Score > 1 || s.Label == nil {
				t.Errorf("fraud score body %s", out.Body)
			}
		case errors.As(err, &me):
			failed++
			if aws.ToInt32(me.OriginalStatusCode) != 500 || !strings.Contains(aws.ToString(me.OriginalMessage), "timed out") ||
				aws.ToString(me.LogStreamArn) != "arn:aws:logs:ap-southeast-1:"+env.World().Account()+":log-group:/aws/sagemaker/Endpoints/"+incidentEndpoint ||
				!strings.HasPrefix(me.ErrorMessage(), "Received server error (500) from primary") {
				t.Errorf("ModelError %d %q %q: %s", aws.ToInt32(me.OriginalStatusCode), aws.ToString(me.OriginalMessage), aws.ToString(me.LogStreamArn), me.ErrorMessage())
			}
		default:
			t.Fatalf("call %d: %v", i, err)
		}
	}
	if failed < 8 || ok < 25 {
		t.Errorf("%d ModelErrors and %d answers in 60 calls, want about a third failing", failed, ok)
	}
	if variants["Primary"] == 0 {
		t.Errorf("variants invoked %v, want mostly Primary", variants)
	}

	// Once the incident is over (55 minutes after the epoch), every call succeeds.
	env.Clock.Advance(time.Hour)
	for i := 0; i < 20; i++ {
		if _, err := c.InvokeEndpoint(context.Background(), &sagemakerruntime.InvokeEndpointInput{
			EndpointName: aws.String(incidentEndpoint), ContentType: aws.String("application/json"), Body: []byte(`{"salary":5000}`),
		}); err != nil {
			t.Fatalf("after the incident, call %d: %v", i, err)
		}
	}
}

func TestModelRefusesBadFeaturesAndAccept(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call")
	_, err := c.InvokeEndpoint(context.Background(), &sagemakerruntime.InvokeEndpointInput{
		EndpointName: aws.String(hdbEndpoint), ContentType: aws.String("application/json"),
		Body: []byte(`{"town":"ATLANTIS","flat_type":"4 ROOM","floor_area_sqm":90,"remaining_lease":60}`)})
	var me *types.ModelError
	if !errors.As(err, &me) || aws.ToInt32(me.OriginalStatusCode) != 400 || !strings.Contains(aws.ToString(me.OriginalMessage), "unknown town 'ATLANTIS'") {
		t.Errorf("unknown town: %v", err)
	}
	_, err = c.InvokeEndpoint(context.Background(), &sagemakerruntime.InvokeEndpointInput{
		EndpointName: aws.String(hdbEndpoint), ContentType: aws.String("application/json"), Accept: aws.String("text/csv"),
		Body: []byte(`{"town":"TAMPINES","flat_type":"4 ROOM","floor_area_sqm":92,"remaining_lease":61}`)})
	if !errors.As(err, &me) || aws.ToInt32(me.OriginalStatusCode) != 406 {
		t.Errorf("Accept text/csv: %v", err)
	}
}

func TestPayloadLimitIsSixMiB(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call")
	// A 6 MiB payload (one flat and a long note the model ignores) is priced.
	head := `{"town":"TAMPINES","flat_type":"4 ROOM","floor_area_sqm":92,"storey_range":"07 TO 09","remaining_lease":"61 years 04 months","notes":"`
	body := []byte(head + strings.Repeat("x", (6<<20)-len(head)-2) + `"}`)
	if len(body) != 6<<20 {
		t.Fatalf("payload is %d bytes", len(body))
	}
	out, err := c.InvokeEndpoint(context.Background(), &sagemakerruntime.InvokeEndpointInput{
		EndpointName: aws.String(hdbEndpoint), ContentType: aws.String("application/json"), Body: body})
	if err != nil {
		t.Fatalf("6 MiB payload: %v", err)
	}
	var v valuation
	if err := json.Unmarshal(out.Body, &v); err != nil {
		t.Fatalf("6 MiB payload: %s: %v", out.Body, err)
	}
	checkValuation(t, v, tampines)
	_, err = c.InvokeEndpoint(context.Background(), &sagemakerruntime.InvokeEndpointInput{
		EndpointName: aws.String(hdbEndpoint), ContentType: aws.String("application/json"), Body: append(body, '\n')})
	var ve *types.ValidationError
	if !errors.As(err, &ve) || !strings.Contains(ve.ErrorMessage(), strconv.Itoa(6<<20)) {
		t.Errorf("6 MiB + 1 byte: %v, want a ValidationError naming the limit", err)
	}
}
