package world

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// InvokeEndpointInput is InvokeEndpoint's request.
type InvokeEndpointInput struct {
	EndpointName  string
	ContentType   string
	Accept        string
	Body          []byte
	TargetVariant string
}

// InvokeEndpointOutput is InvokeEndpoint's answer.
type InvokeEndpointOutput struct {
	Body                     []byte
	ContentType              string
	InvokedProductionVariant string
}

// InvokeEndpoint runs the endpoint's simulated model. During an incident a
// share of calls fail with a ModelError (ErrModel), as the real container
// would answer 500.
func (w *World) InvokeEndpoint(in InvokeEndpointInput) (InvokeEndpointOutput, error) {
	w.wlock()
	defer w.mu.Unlock()
	e := w.serving.endpoints[in.EndpointName]
	if e == nil || e.serving.IsZero() || (e.EndpointStatus != EndpointInService && e.EndpointStatus != EndpointUpdating) {
		return InvokeEndpointOutput{}, ErrValidation{Msg: fmt.Sprintf("Endpoint %s of account %s not found.", in.EndpointName, w.account)}
	}
	variant := ""
	if in.TargetVariant != "" {
		if _, ok := e.variantShare(in.TargetVariant); !ok {
			return InvokeEndpointOutput{}, invalid("Target variant %s is not found for endpoint %s.", in.TargetVariant, in.EndpointName)
		}
		variant = in.TargetVariant
	} else {
		variant = w.pickVariant(e)
	}
	e.invocations++
	minute := w.now.Truncate(time.Minute).Unix()
	rec := e.recorded[minute]
	if rec == nil {
		rec = &recordedMinute{}
		e.recorded = prune(e.recorded, minute)
		e.recorded[minute] = rec
	}
	rec.n++
	logArn := fmt.Sprintf("arn:aws:logs:%s:%s:log-group:%s%s", w.region, w.account, EndpointLogPrefix, e.EndpointName)
	if in := e.incidentAt(w.now); in != nil && unitOf(hashOf(w.endpointSeed(e), e.invocations, 77)) < in.ErrorRate {
		rec.err5++
		return InvokeEndpointOutput{}, ErrModel{
			OriginalStatusCode: 500,
			OriginalMessage:    `{"error": "upstream prediction worker timed out"}`,
			LogStreamArn:       logArn,
			Message: fmt.Sprintf("Received server error (500) from primary with message \"{\"error\": \"upstream prediction worker timed out\"}\". See https://%s.console.aws.amazon.com/cloudwatch/home?region=%s#logEventViewer:group=%s%s in account %s for more information.",
				w.region, w.region, EndpointLogPrefix, e.EndpointName, w.account),
		}
	}
	body, ctype, err := w.predict(e, in)
	if err != nil {
		rec.err4++
		return InvokeEndpointOutput{}, ErrModel{
			OriginalStatusCode: 400,
			OriginalMessage:    err.Error(),
			LogStreamArn:       logArn,
			Message: fmt.Sprintf("Received client error (400) from primary with message \"%s\". See https://%s.console.aws.amazon.com/cloudwatch/home?region=%s#logEventViewer:group=%s%s in account %s for more information.",
				err.Error(), w.region, w.region, EndpointLogPrefix, e.EndpointName, w.account),
		}
	}
	return InvokeEndpointOutput{Body: body, ContentType: ctype, InvokedProductionVariant: variant}, nil
}

// prune drops recorded minutes older than two weeks.
func prune(m map[int64]*recordedMinute, now int64) map[int64]*recordedMinute {
	for k := range m {
		if k < now-14*24*3600 {
			delete(m, k)
		}
	}
	return m
}

func (w *World) pickVariant(e *endpoint) string {
	if len(e.ProductionVariants) == 1 {
		return e.ProductionVariants[0].VariantName
	}
	x := unitOf(hashOf(w.endpointSeed(e), e.invocations, 5))
	for _, v := range e.ProductionVariants {
		s, _ := e.variantShare(v.VariantName)
		if x < s {
			return v.VariantName
		}
		x -= s
	}
	return e.ProductionVariants[len(e.ProductionVariants)-1].VariantName
}

// predict runs the simulated model on a JSON or CSV payload.
func (w *World) predict(e *endpoint, in InvokeEndpointInput) ([]byte, string, error) {
	records, err := parseRecords(in.ContentType, in.Body)
	if err != nil {
		return nil, "", err
	}
	var preds []map[string]any
	for _, r := range records {
		var p map[string]any
		switch e.predictor {
		case "hdb-resale":
			price, err := hdbPrice(r, e.version)
			if err != nil {
				return nil, "", err
			}
			p = map[string]any{"predicted_price": price, "currency": "SGD", "model_version": e.version}
		case "regression":
			p = map[string]any{"prediction": math.Round(200+800*unitOf(hashString(fmt.Sprint(r)))) / 1}
		default:
			score := math.Round(unitOf(hashString(fmt.Sprint(r)))*10000) / 10000
			label := 0
			if score >= 0.5 {
				label = 1
			}
			p = map[string]any{"score": score, "predicted_label": label}
		}
		preds = append(preds, p)
	}
	var out any = map[string]any{"predictions": preds}
	if len(preds) == 1 && !strings.HasPrefix(strings.TrimSpace(string(in.Body)), "[") && !strings.Contains(strings.TrimSpace(string(in.Body)), "\n") {
		out = preds[0]
	}
	b, _ := json.Marshal(out)
	return b, "application/json", nil
}

// parseRecords reads one or more feature records from JSON (an object, an
// array of objects, or {"instances": [...]}) or CSV (with or without header).
func parseRecords(contentType string, body []byte) ([]map[string]string, error) {
	text := strings.TrimSpace(string(body))
	if text == "" {
		return nil, fmt.Errorf("empty request body")
	}
	ct := strings.ToLower(contentType)
	if strings.Contains(ct, "json") || (ct == "" && (text[0] == '{' || text[0] == '[')) {
		var v any
		if err := json.Unmarshal([]byte(text), &v); err != nil {
			return nil, fmt.Errorf("request body is not valid JSON: %v", err)
		}
		if m, ok := v.(map[string]any); ok {
			if inst, ok := m["instances"].([]any); ok {
				v = inst
			} else {
				return []map[string]string{stringify(m)}, nil
			}
		}
		list, ok := v.([]any)
		if !ok {
			return nil, fmt.Errorf("expected a JSON object or an array of objects")
		}
		var out []map[string]string
		for _, item := range list {
			m, ok := item.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("expected a JSON object or an array of objects")
			}
			out = append(out, stringify(m))
		}
		return out, nil
	}
	if strings.Contains(ct, "csv") || ct == "" {
		rows, err := csv.NewReader(strings.NewReader(text)).ReadAll()
		if err != nil {
			return nil, fmt.Errorf("request body is not valid CSV: %v", err)
		}
		header := hdbColumns
		if len(rows) > 0 && strings.EqualFold(strings.TrimSpace(rows[0][0]), "town") {
			header = rows[0]
			rows = rows[1:]
		}
		var out []map[string]string
		for _, row := range rows {
			m := map[string]string{}
			for i, v := range row {
				if i < len(header) {
					m[strings.ToLower(strings.TrimSpace(header[i]))] = strings.TrimSpace(v)
				}
			}
			out = append(out, m)
		}
		return out, nil
	}
	return nil, fmt.Errorf("unsupported content type %s; send application/json or text/csv", contentType)
}

func stringify(m map[string]any) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[strings.ToLower(k)] = scalarString(v)
	}
	return out
}

// hdbColumns is the CSV column order when no header is sent.
var hdbColumns = []string{"town", "flat_type", "floor_area_sqm", "storey_range", "remaining_lease"}

// hdbTownPSM is an indicative resale price per square metre by town.
var hdbTownPSM = map[string]float64{
	"ANG MO KIO": 5900, "BEDOK": 5600, "BISHAN": 6700, "BUKIT BATOK": 5200, "BUKIT MERAH": 7600,
	"BUKIT PANJANG": 5100, "BUKIT TIMAH": 7300, "CENTRAL AREA": 8400, "CHOA CHU KANG": 4900,
	"CLEMENTI": 6600, "GEYLANG": 6200, "HOUGANG": 5400, "JURONG EAST": 5500, "JURONG WEST": 4900,
	"KALLANG/WHAMPOA": 7200, "MARINE PARADE": 7000, "PASIR RIS": 5100, "PUNGGOL": 5600,
	"QUEENSTOWN": 7900, "SEMBAWANG": 4800, "SENGKANG": 5400, "SERANGOON": 5800, "TAMPINES": 5500,
	"TOA PAYOH": 6900, "WOODLANDS": 4700, "YISHUN": 5000,
}

var hdbFlatTypeFactor = map[string]float64{
	"1 ROOM": 0.9, "2 ROOM": 0.97, "3 ROOM": 1.0, "4 ROOM": 1.0, "5 ROOM": 0.98, "EXECUTIVE": 0.96, "MULTI-GENERATION": 0.95,
}

// hdbPrice is the simulated R model: town rate × area, adjusted for flat
// type, storey and remaining lease, and nudged by model version.
func hdbPrice(r map[string]string, version int32) (float64, error) {
	for _, k := range []string{"town", "flat_type", "floor_area_sqm"} {
		if strings.TrimSpace(r[k]) == "" {
			return 0, fmt.Errorf("missing required field: %s", k)
		}
	}
	town := strings.ToUpper(r["town"])
	psm, ok := hdbTownPSM[town]
	if !ok {
		return 0, fmt.Errorf("unknown town '%s'", r["town"])
	}
	ft := strings.ToUpper(r["flat_type"])
	ftf, ok := hdbFlatTypeFactor[ft]
	if !ok {
		return 0, fmt.Errorf("unknown flat_type '%s'", r["flat_type"])
	}
	area, err := strconv.ParseFloat(r["floor_area_sqm"], 64)
	if err != nil || area < 20 || area > 300 {
		return 0, fmt.Errorf("floor_area_sqm must be a number between 20 and 300")
	}
	storey := 5.0
	if s := r["storey_range"]; s != "" {
		lo, hi, found := strings.Cut(strings.ToUpper(s), " TO ")
		a, e1 := strconv.ParseFloat(strings.TrimSpace(lo), 64)
		b, e2 := strconv.ParseFloat(strings.TrimSpace(hi), 64)
		if !found || e1 != nil || e2 != nil {
			return 0, fmt.Errorf("storey_range must look like '07 TO 09'")
		}
		storey = (a + b) / 2
	} else if s := r["storey"]; s != "" {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return 0, fmt.Errorf("storey must be a number")
		}
		storey = v
	}
	lease, err := parseLease(r["remaining_lease"])
	if err != nil {
		return 0, err
	}
	price := psm * area * ftf * (1 + 0.012*math.Min(storey, 40)) * (0.45 + 0.55*math.Min(lease, 99)/99)
	price *= 1 + 0.004*float64(version%7)
	return math.Round(price/100) * 100, nil
}

// parseLease reads "61 years 04 months", "61.3" or "61".
func parseLease(s string) (float64, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "" {
		return 0, fmt.Errorf("missing required field: remaining_lease")
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		if v <= 0 || v > 99 {
			return 0, fmt.Errorf("remaining_lease must be between 0 and 99 years")
		}
		return v, nil
	}
	var y, m float64
	if _, err := fmt.Sscanf(s, "%f years %f months", &y, &m); err != nil {
		if _, err := fmt.Sscanf(s, "%f years", &y); err != nil {
			return 0, fmt.Errorf("remaining_lease must be a number of years or like '61 years 04 months'")
		}
	}
	return y + m/12, nil
}

// HDBResalePrice is the simulated HDB valuation model's price for one flat
// (features as InvokeEndpoint reads them), for scenario data that agrees
// with the endpoint.
func HDBResalePrice(features map[string]string, version int32) (float64, error) {
	return hdbPrice(features, version)
}
