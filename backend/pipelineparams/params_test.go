package pipelineparams

import (
	"reflect"
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/domain"
)

// hdbParams are the HDB training pipeline's declared parameters.
func hdbParams() []domain.PipelineParameter {
	return []domain.PipelineParameter{
		{Name: "ProcessingInstanceType", Type: domain.ParamString, Default: "ml.m5.xlarge"},
		{Name: "ProcessingInstanceCount", Type: domain.ParamInteger, Default: "1"},
		{Name: "TrainingInstanceType", Type: domain.ParamString, Default: "ml.m5.2xlarge", Enum: []string{"ml.m5.xlarge", "ml.m5.2xlarge", "ml.m5.4xlarge"}},
		{Name: "RMSEThreshold", Type: domain.ParamFloat, Default: "35000.0"},
		{Name: "MaxDepth", Type: domain.ParamInteger, Default: "6"},
		{Name: "UseSpotInstances", Type: domain.ParamBoolean, Default: "false"},
		{Name: "InputData", Type: domain.ParamString, Default: "s3://ag-hdb-resale-data/raw/resale-flat-prices-2017-onwards.csv"},
		{Name: "Notes", Type: "Json"}, // a type agdash does not know: checked as a String
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		values map[string]string
		want   map[string]string
	}{
		{"nothing changed", nil, map[string]string{}},
		{
			"good values",
			map[string]string{"MaxDepth": "8", "RMSEThreshold": "32000.5", "UseSpotInstances": "true", "TrainingInstanceType": "ml.m5.4xlarge",
				"ProcessingInstanceCount": "-1", "InputData": "", "Notes": `{"why": "retrain after Q2 data"}`},
			map[string]string{},
		},
		{"float in exponent form", map[string]string{"RMSEThreshold": "3.2e4"}, map[string]string{}},
		{"integer given as float", map[string]string{"MaxDepth": "8.0"}, map[string]string{"MaxDepth": `MaxDepth must be a whole number, not "8.0".`}},
		{"integer with spaces", map[string]string{"MaxDepth": " 8"}, map[string]string{"MaxDepth": `MaxDepth must be a whole number, not " 8".`}},
		{"integer in words", map[string]string{"ProcessingInstanceCount": "two"}, map[string]string{"ProcessingInstanceCount": `ProcessingInstanceCount must be a whole number, not "two".`}},
		{"integer overflow", map[string]string{"MaxDepth": "99999999999999999999"}, map[string]string{"MaxDepth": `MaxDepth must be a whole number, not "99999999999999999999".`}},
		{"empty integer", map[string]string{"MaxDepth": ""}, map[string]string{"MaxDepth": `MaxDepth must be a whole number, not "".`}},
		{"NaN float", map[string]string{"RMSEThreshold": "NaN"}, map[string]string{"RMSEThreshold": `RMSEThreshold must be a number such as 0.5, not "NaN".`}},
		{"infinite float", map[string]string{"RMSEThreshold": "+Inf"}, map[string]string{"RMSEThreshold": `RMSEThreshold must be a number such as 0.5, not "+Inf".`}},
		{"overflowing float", map[string]string{"RMSEThreshold": "1e999"}, map[string]string{"RMSEThreshold": `RMSEThreshold must be a number such as 0.5, not "1e999".`}},
		{"hex float", map[string]string{"RMSEThreshold": "0x1p4"}, map[string]string{"RMSEThreshold": `RMSEThreshold must be a number such as 0.5, not "0x1p4".`}},
		{"float with comma", map[string]string{"RMSEThreshold": "35,000"}, map[string]string{"RMSEThreshold": `RMSEThreshold must be a number such as 0.5, not "35,000".`}},
		{"boolean capitalised", map[string]string{"UseSpotInstances": "True"}, map[string]string{"UseSpotInstances": `UseSpotInstances must be true or false, not "True".`}},
		{"boolean as number", map[string]string{"UseSpotInstances": "1"}, map[string]string{"UseSpotInstances": `UseSpotInstances must be true or false, not "1".`}},
		{
			"not in enum",
			map[string]string{"TrainingInstanceType": "ml.p3.16xlarge"},
			map[string]string{"TrainingInstanceType": `TrainingInstanceType must be one of ml.m5.xlarge, ml.m5.2xlarge, ml.m5.4xlarge, not "ml.p3.16xlarge".`},
		},
		{"unknown name", map[string]string{"Epochs": "10"}, map[string]string{"Epochs": `"Epochs" is not a parameter of this pipeline.`}},
		{"wrong case", map[string]string{"maxdepth": "10"}, map[string]string{"maxdepth": `"maxdepth" is not a parameter of this pipeline; did you mean MaxDepth?`}},
		{
			"several at once",
			map[string]string{"MaxDepth": "deep", "UseSpotInstances": "yes", "RMSEThreshold": "30000"},
			map[string]string{
				"MaxDepth":         `MaxDepth must be a whole number, not "deep".`,
				"UseSpotInstances": `UseSpotInstances must be true or false, not "yes".`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Validate(hdbParams(), tt.values); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Validate:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestValidateLength(t *testing.T) {
	ok := strings.Repeat("é", MaxValueLength) // 2,500 characters, 5,000 bytes
	if got := Validate(hdbParams(), map[string]string{"InputData": ok}); len(got) != 0 {
		t.Errorf("2,500 characters refused: %q", got)
	}
	long := strings.Repeat("a", MaxValueLength+1)
	got := Validate(hdbParams(), map[string]string{"InputData": long})
	if want := "InputData is 2501 characters long; SageMaker accepts at most 2500."; got["InputData"] != want {
		t.Errorf("got %q, want %q", got["InputData"], want)
	}
	// Length is checked before type, and long values are shortened in messages.
	got = Validate(hdbParams(), map[string]string{"MaxDepth": strings.Repeat("9", 50)})
	if want := `MaxDepth must be a whole number, not "` + strings.Repeat("9", 40) + `…".`; got["MaxDepth"] != want {
		t.Errorf("got %q, want %q", got["MaxDepth"], want)
	}
}

func TestChanged(t *testing.T) {
	values := map[string]string{
		"ProcessingInstanceType":  "ml.m5.xlarge", // same as default
		"ProcessingInstanceCount": "01",           // same integer
		"TrainingInstanceType":    "ml.m5.4xlarge",
		"RMSEThreshold":           "35000", // same float
		"MaxDepth":                "8",
		"UseSpotInstances":        "False", // same boolean
		"InputData":               "s3://ag-hdb-resale-data/raw/resale-flat-prices-2024.csv",
		"Notes":                   "",   // same as an empty default
		"Epochs":                  "10", // undeclared: kept for Validate
	}
	want := map[string]string{
		"TrainingInstanceType": "ml.m5.4xlarge",
		"MaxDepth":             "8",
		"InputData":            "s3://ag-hdb-resale-data/raw/resale-flat-prices-2024.csv",
		"Epochs":               "10",
	}
	if got := Changed(hdbParams(), values); !reflect.DeepEqual(got, want) {
		t.Errorf("Changed:\n got %q\nwant %q", got, want)
	}
	if got := Changed(hdbParams(), nil); len(got) != 0 {
		t.Errorf("Changed(nil) = %q", got)
	}
}

func TestChangedTypedComparisons(t *testing.T) {
	tests := []struct {
		typ          domain.ParameterType
		def, value   string
		wantIncluded bool
	}{
		{domain.ParamInteger, "6", "+6", false},
		{domain.ParamInteger, "6", "six", true},
		{domain.ParamFloat, "0.5", "5e-1", false},
		{domain.ParamFloat, "0.5", "NaN", true},
		{domain.ParamFloat, "", "0", true},
		{domain.ParamBoolean, "true", "TRUE", false},
		{domain.ParamBoolean, "true", "false", true},
		{domain.ParamString, "a", "A", true},
		{domain.ParamString, "a", "a ", true},
	}
	for _, tt := range tests {
		declared := []domain.PipelineParameter{{Name: "P", Type: tt.typ, Default: tt.def}}
		_, got := Changed(declared, map[string]string{"P": tt.value})["P"]
		if got != tt.wantIncluded {
			t.Errorf("%s default %q, value %q: included = %v, want %v", tt.typ, tt.def, tt.value, got, tt.wantIncluded)
		}
	}
}
