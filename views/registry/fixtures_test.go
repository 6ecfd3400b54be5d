package registry

import (
	"fmt"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/metrics"
	"github.com/agdash/agdash/views/kit/kittest"
)

const (
	acct   = "123456789012"
	region = "ap-southeast-1"
)

func packageARN(group string, n int) string {
	return fmt.Sprintf("arn:aws:sagemaker:%s:%s:model-package/%s/%d", region, acct, group, n)
}

func executionARN(pipeline, id string) string {
	return fmt.Sprintf("arn:aws:sagemaker:%s:%s:pipeline/%s/execution/%s", region, acct, pipeline, id)
}

// hdbVersion is one registered version of the HDB resale valuation model.
func hdbVersion(n int, approval, by string, age time.Duration, report string, hyper map[string]string) domain.ModelVersion {
	job := fmt.Sprintf("hdb-resale-ranger-202505%02d-0905", n+10)
	execID := fmt.Sprintf("k3j2h5g6f7%02d", n)
	v := domain.ModelVersion{
		Group: "hdb-resale-valuation", Version: n, ARN: packageARN("hdb-resale-valuation", n),
		CreatedAt: kittest.Now.Add(-age), LastModified: kittest.Now.Add(-age + 30*time.Minute),
		Approval: approval, Status: "Completed", CreatedBy: "sagemaker-pipelines",
		MetricsURI: "s3://ag-hdb-resale-artifacts/" + job + "/evaluation/evaluation.json",
		Report:     metrics.ParseReport([]byte(report)),
		Lineage: domain.Lineage{
			PipelineExecutionARN: executionARN("hdb-resale-valuation", execID),
			PipelineName:         "hdb-resale-valuation",
			TrainingJobName:      job,
			InputData:            []string{"s3://hdb-resale-transactions/curated/2025-05/train/", "s3://ag-shared-reference-data/onemap/towns.csv"},
			ModelDataURL:         "s3://ag-hdb-resale-artifacts/" + job + "/output/model.tar.gz",
			Image:                acct + ".dkr.ecr." + region + ".amazonaws.com/ag-r-plumber:4.3.2",
			ProjectID:            "p-hdb7x2k9q1m4",
		},
		Hyperparameter: hyper,
		Detailed:       true,
	}
	if approval != domain.ApprovalPending {
		v.ModifiedBy = by
	}
	return v
}

// hdbVersions are five versions, newest first: v14 a pending candidate
// that beats production, v13 rejected (worse), v12 approved and in
// production, v11 whose evaluation step wrote a broken report, v10 an
// older approved version. mape is reported from v13 on only.
func hdbVersions() []domain.ModelVersion {
	hp := func(trees, mtry, node string) map[string]string {
		return map[string]string{"num_trees": trees, "mtry": mtry, "min_node_size": node, "seed": "42"}
	}
	v14 := hdbVersion(14, domain.ApprovalPending, "", 50*time.Minute,
		`{"regression_metrics": {"rmse": {"value": 31000.5, "standard_deviation": 350}, "mae": {"value": 22410}, "r2": {"value": 0.9123}, "mape": {"value": 0.058}}}`,
		hp("800", "4", "10"))
	v14.Description = "Retrained on May 2025 resale transactions"
	v13 := hdbVersion(13, domain.ApprovalRejected, "nur-aisyah", 8*24*time.Hour,
		`{"regression_metrics": {"rmse": {"value": 32950.2}, "mae": {"value": 23610}, "r2": {"value": 0.899}, "mape": {"value": 0.064}}}`,
		hp("800", "5", "5"))
	v13.ApprovalNote = "Worse RMSE than v12 on 4-room flats in mature estates."
	v12 := hdbVersion(12, domain.ApprovalApproved, "nur-aisyah", 21*24*time.Hour,
		`{"regression_metrics": {"rmse": {"value": 31800.4, "standard_deviation": 400}, "mae": {"value": 22900}, "r2": {"value": 0.905}}}`,
		hp("500", "4", "5"))
	v12.ApprovalNote = "Beats v10 on every metric; promoted after the April review."
	v11 := hdbVersion(11, domain.ApprovalRejected, "tan-wei-ming", 35*24*time.Hour,
		`Traceback (most recent call last): File "evaluate.R", line 41`, hp("300", "3", "5"))
	v10 := hdbVersion(10, domain.ApprovalApproved, "tan-wei-ming", 60*24*time.Hour,
		`{"regression_metrics": {"rmse": {"value": 36500}, "mae": {"value": 26800}, "r2": {"value": 0.89}}}`,
		hp("300", "3", "5"))
	return []domain.ModelVersion{v14, v13, v12, v11, v10}
}

func hdbGroup() domain.ModelGroup {
	return domain.ModelGroup{Name: "hdb-resale-valuation", ARN: "arn:aws:sagemaker:" + region + ":" + acct + ":model-package-group/hdb-resale-valuation",
		Description: "Resale flat valuation model in R (ranger), served with plumber", Project: "hdb-resale-valuation",
		CreatedAt: kittest.Now.AddDate(0, -8, 0), Versions: 5, LatestApproved: 12, Pending: 1}
}

func hdbData() backend.ModelVersionsData {
	return backend.ModelVersionsData{Group: hdbGroup(), Versions: hdbVersions()}
}

// fraudData is a binary classification group: higher is better, except
// the false positive rate.
func fraudData() backend.ModelVersionsData {
	v := func(n int, approval string, auc, acc, prec, rec, f1, fpr float64) domain.ModelVersion {
		return domain.ModelVersion{
			Group: "mom-work-pass-fraud", Version: n, ARN: packageARN("mom-work-pass-fraud", n),
			CreatedAt: kittest.Now.Add(-time.Duration(10-n) * 24 * time.Hour), Approval: approval, Status: "Completed",
			ModifiedBy: map[bool]string{true: "", false: "ravi.s"}[approval == domain.ApprovalPending],
			MetricsURI: "s3://ag-mom-fraud-artifacts/eval.json", Detailed: true,
			Report: metrics.ParseReport([]byte(fmt.Sprintf(`{"binary_classification_metrics": {"auc": {"value": %g}, "accuracy": {"value": %g},
				"precision": {"value": %g}, "recall": {"value": %g}, "f1": {"value": %g}, "false_positive_rate": {"value": %g},
				"confusion_matrix": {"0": {"0": 9120, "1": 210}, "1": {"0": 95, "1": 575}}}}`, auc, acc, prec, rec, f1, fpr))),
			Lineage:        domain.Lineage{TrainingJobName: fmt.Sprintf("mom-fraud-xgb-2025052%d", n)},
			Hyperparameter: map[string]string{"max_depth": "7", "eta": "0.1", "scale_pos_weight": fmt.Sprint(10 * (n - 5))},
		}
	}
	vs := []domain.ModelVersion{
		v(8, domain.ApprovalPending, 0.941, 0.965, 0.83, 0.72, 0.771, 0.021),
		v(7, domain.ApprovalApproved, 0.934, 0.962, 0.81, 0.74, 0.773, 0.023),
		v(6, domain.ApprovalRejected, 0.921, 0.958, 0.79, 0.70, 0.742, 0.023),
	}
	return backend.ModelVersionsData{
		Group:    domain.ModelGroup{Name: "mom-work-pass-fraud", Project: "mom-work-pass-fraud", Versions: 3, LatestApproved: 7, Pending: 1},
		Versions: vs,
	}
}

// demandData is a group with nine versions: enough to need horizontal
// scrolling when all are compared.
func demandData() backend.ModelVersionsData {
	var vs []domain.ModelVersion
	rmse := []float64{498, 471, 455, 462, 430, 419, 425, 412, 405}
	for i := len(rmse) - 1; i >= 0; i-- {
		n := i + 1
		approval := domain.ApprovalRejected
		switch n {
		case 8:
			approval = domain.ApprovalApproved
		case 9:
			approval = domain.ApprovalPending
		}
		vs = append(vs, domain.ModelVersion{
			Group: "hdb-flat-demand", Version: n, ARN: packageARN("hdb-flat-demand", n), Approval: approval, Status: "Completed",
			CreatedAt: kittest.Now.AddDate(0, 0, -7*(10-n)), Detailed: true, MetricsURI: "s3://ag-hdb-demand/eval.json",
			Report: metrics.ParseReport([]byte(fmt.Sprintf(`{"regression_metrics": {"rmse": {"value": %g}, "mae": {"value": %g}, "r2": {"value": %g}}}`,
				rmse[i], rmse[i]*0.7, 0.8+float64(n)/100))),
			Hyperparameter: map[string]string{"max_depth": fmt.Sprint(4 + n%3*2), "eta": "0.1", "num_round": "400"},
		})
	}
	return backend.ModelVersionsData{
		Group:    domain.ModelGroup{Name: "hdb-flat-demand", Project: "hdb-flat-demand", Versions: 9, LatestApproved: 8, Pending: 1},
		Versions: vs,
	}
}

// busData is a group with nothing approved yet.
func busData() backend.ModelVersionsData {
	v := func(n int, rmse float64) domain.ModelVersion {
		return domain.ModelVersion{Group: "lta-bus-eta", Version: n, ARN: packageARN("lta-bus-eta", n), Approval: domain.ApprovalPending,
			CreatedAt: kittest.Now.Add(-time.Duration(3-n) * time.Hour), Detailed: true, MetricsURI: "s3://lta/eval.json", Status: "Completed",
			Report: metrics.ParseReport([]byte(fmt.Sprintf(`{"rmse": %g, "mae": %g, "on_time_within_2min": %g}`, rmse, rmse*0.6, 0.8)))}
	}
	return backend.ModelVersionsData{
		Group:    domain.ModelGroup{Name: "lta-bus-eta", Project: "lta-bus-eta", Versions: 2, Pending: 2},
		Versions: []domain.ModelVersion{v(2, 71.5), v(1, 74.2)},
	}
}

func groupsData() backend.ModelGroupsData {
	return backend.ModelGroupsData{Groups: []domain.ModelGroup{
		{Name: "hdb-flat-demand", Project: "hdb-flat-demand", CreatedAt: kittest.Now.AddDate(0, -10, 0), Versions: 9, LatestApproved: 8, Pending: 1},
		hdbGroup(),
		{Name: "lta-bus-eta", Project: "lta-bus-eta", CreatedAt: kittest.Now.AddDate(0, -2, 0), Versions: 2, Pending: 2},
		{Name: "mom-work-pass-fraud", Project: "mom-work-pass-fraud", CreatedAt: kittest.Now.AddDate(-1, 0, 0), Versions: 3, LatestApproved: 7, Pending: 1},
		{Name: "ssg-course-dropout", Project: "ssg-course-dropout", CreatedAt: kittest.Now.Add(-5 * time.Hour), Versions: 0},
	}}
}
