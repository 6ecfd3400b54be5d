package metrics

import (
	"testing"

	"github.com/agdash/agdash/backend/domain"
)

func TestDirection(t *testing.T) {
	lower, higher, unknown := domain.LowerIsBetter, domain.HigherIsBetter, domain.DirectionUnknown
	tests := []struct {
		name string
		want domain.MetricDirection
	}{
		{"rmse", lower}, {"RMSE", lower}, {"validation:rmse", lower}, {"test_rmse", lower},
		{"val-mae", lower}, {"mse", lower}, {"mape", lower}, {"train:loss", lower}, {"val_loss", lower},
		{"log_loss", lower}, {"validation:logloss", lower}, {"validation:mlogloss", lower},
		{"validation:error", lower}, {"error_rate", lower}, {"false_positive_rate", lower},
		{"test_false_negative_rate", lower}, {"mean_squared_error", lower}, {"rmse_mean", lower},
		{"train:poisson-nloglik", lower},
		{"r2", higher}, {"R2", higher}, {"r2_score", higher}, {"accuracy", higher}, {"Accuracy", higher},
		{"balanced_accuracy", higher}, {"precision", higher}, {"recall", higher}, {"f1", higher},
		{"f1_score", higher}, {"weighted_f1", higher}, {"weighted_f0_5", higher}, {"auc", higher},
		{"validation:auc", higher}, {"roc_auc", higher}, {"true_positive_rate", higher},
		{"recall_best_constant_classifier", higher}, {"precision_at_5", higher}, {"ndcg@10", higher},
		{"training_minutes", unknown}, {"epoch", unknown}, {"", unknown}, {"item_count", unknown}, {"rate", unknown},
	}
	for _, tt := range tests {
		if got := Direction(tt.name); got != tt.want {
			t.Errorf("Direction(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
