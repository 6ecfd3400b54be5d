package metrics

import (
	"strings"
	"unicode"

	"github.com/agdash/agdash/backend/domain"
)

// Direction says which way a metric improves, from its name:
// case-insensitive, ignoring a channel prefix ("validation:rmse"), a
// split prefix ("test_rmse", "val-loss") and a trailing "score", "value",
// "mean" or "avg" ("f1_score"). Lower is better for errors and losses
// (rmse, mse, mae, mape, log_loss, error rates, false positive rate, …);
// higher for goodness (r2, accuracy, precision, recall, f1, auc, …).
// Anything else is DirectionUnknown: agdash will not guess.
func Direction(name string) domain.MetricDirection {
	n := strings.ToLower(strings.TrimSpace(name))
	if i := strings.LastIndexByte(n, ':'); i >= 0 {
		n = n[i+1:]
	}
	tokens := strings.FieldsFunc(n, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for len(tokens) > 1 && trailingNoise(tokens[len(tokens)-1]) {
		tokens = tokens[:len(tokens)-1]
	}
	// Longest known suffix first, so "false_positive_rate" is read whole.
	for i := range tokens {
		if d := knownDirection(strings.Join(tokens[i:], "_")); d != domain.DirectionUnknown {
			return d
		}
	}
	// Then any known word, rightmost first: "precision_at_5".
	for i := len(tokens) - 1; i >= 0; i-- {
		if d := knownDirection(tokens[i]); d != domain.DirectionUnknown {
			return d
		}
	}
	return domain.DirectionUnknown
}

func trailingNoise(token string) bool {
	switch token {
	case "score", "value", "mean", "avg", "average", "metric":
		return true
	}
	return false
}

func knownDirection(name string) domain.MetricDirection {
	switch name {
	case "rmse", "mse", "mae", "mape", "smape", "wape", "msle", "rmsle", "medae", "mad",
		"loss", "log_loss", "logloss", "mlogloss", "nll", "nloglik", "cross_entropy", "crossentropy",
		"error", "error_rate", "merror", "misclassification_rate", "hinge", "brier", "perplexity",
		"false_positive_rate", "false_negative_rate", "fpr", "fnr", "wer", "cer",
		"mean_squared_error", "root_mean_squared_error", "mean_absolute_error",
		"mean_absolute_percentage_error", "median_absolute_error", "mean_squared_log_error":
		return domain.LowerIsBetter
	case "r2", "rsquared", "r_squared", "adjusted_r2", "explained_variance",
		"accuracy", "balanced_accuracy", "precision", "recall", "f1", "f2", "f0_5", "fbeta",
		"auc", "roc_auc", "pr_auc", "aucpr", "auprc", "au_prc", "au_roc", "map", "ndcg",
		"true_positive_rate", "true_negative_rate", "tpr", "tnr", "specificity", "sensitivity",
		"kappa", "cohen_kappa", "mcc", "gini", "iou", "dice", "bleu", "rouge":
		return domain.HigherIsBetter
	}
	return domain.DirectionUnknown
}
