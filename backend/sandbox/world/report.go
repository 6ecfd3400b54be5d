package world

import (
	"encoding/json"
	"math"
)

// EvaluationReport renders a model-quality report in SageMaker's format
// (regression_metrics or binary_classification_metrics) for a model of the
// given profile whose quality factor is q (1 = the profile's typical run;
// above 1 is worse). key varies the noise between reports.
func EvaluationReport(p *ModelProfile, q float64, key uint64) []byte {
	if p == nil {
		p = &genericProfile
	}
	r := Rand{s: mix64(key ^ 0x5eed)}
	jitter := func(v float64, rel float64) float64 { return v * (1 + rel*r.Norm()) }
	mv := func(v, sd float64) map[string]float64 {
		return map[string]float64{"value": round4(v), "standard_deviation": round4(sd)}
	}
	var doc map[string]any
	if p.Problem == "regression" {
		rmse := jitter(qualityCurve("rmse", p.Quality["rmse"], true, q).final, 0.01)
		mae := jitter(qualityCurve("mae", valueOr(p.Quality, "mae", rmse*0.72), true, q).final, 0.01)
		r2 := qualityCurve("r2", valueOr(p.Quality, "r2", 0.9), false, q).final
		doc = map[string]any{"regression_metrics": map[string]any{
			"mae":  mv(mae, mae*0.025),
			"mse":  mv(rmse*rmse, rmse*rmse*0.05),
			"rmse": mv(rmse, rmse*0.025),
			"r2":   mv(r2, 0.004),
		}}
	} else {
		auc := qualityCurve("auc", valueOr(p.Quality, "auc", 0.86), false, q).final
		pick := func(k string, def float64) float64 {
			return math.Min(0.999, qualityCurve(k, valueOr(p.Quality, k, def), false, q).final)
		}
		prec, rec := pick("precision", 0.72), pick("recall", 0.65)
		f1 := 2 * prec * rec / (prec + rec)
		acc := pick("accuracy", 0.85)
		doc = map[string]any{"binary_classification_metrics": map[string]any{
			"accuracy":            mv(jitter(acc, 0.002), 0.004),
			"precision":           mv(jitter(prec, 0.004), 0.011),
			"recall":              mv(jitter(rec, 0.004), 0.013),
			"f1":                  mv(jitter(f1, 0.004), 0.01),
			"auc":                 mv(jitter(auc, 0.002), 0.006),
			"true_positive_rate":  mv(rec, 0.013),
			"false_positive_rate": mv((1-acc)*0.6, 0.004),
			"confusion_matrix": map[string]any{
				"0": map[string]float64{"0": math.Round(9000 * acc), "1": math.Round(9000 * (1 - acc) * 0.6)},
				"1": map[string]float64{"0": math.Round(1000 * (1 - rec)), "1": math.Round(1000 * rec)},
			},
		}}
	}
	b, _ := json.MarshalIndent(doc, "", "  ")
	return b
}

func valueOr(m map[string]float64, k string, def float64) float64 {
	if v, ok := m[k]; ok {
		return v
	}
	return def
}
