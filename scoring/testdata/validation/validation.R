# Reference values for external validation (issue 6), computed with R's survival
# package on the Rossi et al. (1980) data, for scoring's validation tests.
#
# Run: Rscript validation.R ROSSI_CSV [OUTDIR]     (or: make validation-reference)
# Needs Debian's r-base-core, r-cran-survival and r-cran-jsonlite.
#
# Writes to OUTDIR (default: this script's folder):
#   rossi-derived.csv      rossi.csv plus derived outcome columns:
#                          week_c, arrest_c  follow-up with extra censoring (every
#                                            fourth subject censored at 5-49 weeks)
#                          arrest26, arrest52 arrested within 26 / 52 weeks (0/1)
#   rossi-logistic.json    a test-only logistic model (spiegel-model/1), fitted by glm
#                          on the subjects released on parole
#   rossi-validation.json  every measure, per model, data, outcome and horizon
#
# Definitions (the same as scoring's, stated in its doc comments). At horizon t:
#   time to event: follow-up truncated at t (tt = min(T, t), dd = 1{T <= t, event});
#     concordance = Harrell's C of the linear predictor on (tt, dd);
#     observed risk = 1 - KM(t), 95% CI from survfit's default conf.type = "log";
#     calibration slope = coxph(Surv(tt, dd) ~ lp), Efron ties;
#     Brier = IPCW Brier score (Graf et al. 1999), censoring KM G; weight 1/G(T-)
#       for an event by t, 1/G(t-) for event-free at t (T > t, or censored at t).
#   binary: concordance = C of p against y (AUC, ties 1/2); observed = mean(y) with
#     Wilson's interval (prop.test without continuity correction); slope = glm(y ~
#     logit(p), binomial); Brier = mean((y - p)^2).
#   calibration table: group = ceiling(10 * rank(p, ties = "min") / n).
#   numeric subgroups: quintile = ceiling(5 * rank(x, ties = "min") / n).
#   recalibration: Cox baseline S0(t) solving mean(1 - S0^exp(b * lp)) = observed
#     risk; logistic intercept by glm(y ~ 1 + offset(b * eta)); b = 1, or the
#     calibration slope at the chosen horizon.
suppressMessages({library(survival); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1) stop("usage: Rscript validation.R ROSSI_CSV [OUTDIR]")
script_dir <- dirname(normalizePath(sub("^--file=", "",
  grep("^--file=", commandArgs(FALSE), value = TRUE)[1])))
out <- if (length(args) > 1) args[2] else script_dir
rossi <- read.csv(args[1], stringsAsFactors = FALSE)
horizons <- c("26w" = 26, "52w" = 52)
cox_control <- coxph.control(eps = 1e-12, toler.chol = 1e-13, iter.max = 100)
glm_control <- glm.control(epsilon = 1e-14, maxit = 100)

# Derived outcomes: extra censoring for every fourth subject, and binary outcomes.
i <- seq_len(nrow(rossi))
cens <- ifelse(i %% 4 == 0, 5 + (i * 7) %% 45, Inf)
rossi$week_c <- pmin(rossi$week, cens)
rossi$arrest_c <- ifelse(rossi$week > cens, 0L, rossi$arrest)
rossi$arrest26 <- as.integer(rossi$arrest == 1 & rossi$week <= 26)
rossi$arrest52 <- as.integer(rossi$arrest == 1 & rossi$week <= 52)
write.csv(rossi, file.path(out, "rossi-derived.csv"), row.names = FALSE)

# Measures for time-to-event data at horizon t.
km_at <- function(time, status, t) {
  s <- summary(survfit(Surv(time, status) ~ 1), times = t)
  c(risk = 1 - s$surv, lower = 1 - s$upper, upper = 1 - s$lower)
}
brier_ipcw <- function(time, status, p, t) {
  G <- survfit(Surv(time, 1 - status) ~ 1)
  G_before <- function(s) c(1, G$surv)[findInterval(s, G$time, left.open = TRUE) + 1]
  event_by_t <- status == 1 & time <= t
  free_at_t <- time > t | (time == t & status == 0)
  w <- ifelse(event_by_t, 1 / G_before(time), ifelse(free_at_t, 1 / G_before(t), 0))
  sum(w * (as.numeric(event_by_t) - p)^2) / length(p)
}
measures_tte <- function(time, status, lp, p, t) {
  tt <- pmin(time, t); dd <- as.integer(status == 1 & time <= t)
  km <- km_at(time, status, t)
  slope <- coef(coxph(Surv(tt, dd) ~ lp, ties = "efron", control = cox_control))
  list(n = length(p), events = sum(dd),
       concordance = unname(concordance(Surv(tt, dd) ~ lp, reverse = TRUE)$concordance),
       observed_risk = unname(km["risk"]), observed_risk_lower = unname(km["lower"]),
       observed_risk_upper = unname(km["upper"]), mean_predicted = mean(p),
       calibration_in_the_large = unname(km["risk"]) / mean(p),
       calibration_in_the_large_difference = unname(km["risk"]) - mean(p),
       calibration_slope = unname(slope), brier = brier_ipcw(time, status, p, t))
}

# Measures for a binary outcome y.
measures_bin <- function(y, p) {
  ci <- prop.test(sum(y), length(y), correct = FALSE)$conf.int
  slope <- coef(glm(y ~ qlogis(p), family = binomial, control = glm_control))[2]
  list(n = length(p), events = sum(y),
       concordance = unname(concordance(y ~ p)$concordance),
       observed_risk = mean(y), observed_risk_lower = ci[1], observed_risk_upper = ci[2],
       mean_predicted = mean(p), calibration_in_the_large = mean(y) / mean(p),
       calibration_in_the_large_difference = mean(y) - mean(p),
       calibration_slope = unname(slope), brier = mean((y - p)^2))
}

# The calibration table: tenths of predicted risk, ties kept together.
calibration <- function(d, t) {
  g <- ceiling(10 * rank(d$p, ties.method = "min") / nrow(d))
  lapply(sort(unique(g)), function(k) {
    s <- d[g == k, ]
    obs <- if (is.null(d$y)) km_at(s$time, s$status, t) else {
      ci <- prop.test(sum(s$y), nrow(s), correct = FALSE)$conf.int
      c(risk = mean(s$y), lower = ci[1], upper = ci[2])
    }
    events <- if (is.null(d$y)) sum(s$status == 1 & s$time <= t) else sum(s$y)
    list(group = k, n = nrow(s), events = events, mean_predicted = mean(s$p),
         min_predicted = min(s$p), max_predicted = max(s$p),
         observed_risk = unname(obs["risk"]), lower = unname(obs["lower"]),
         upper = unname(obs["upper"]))
  })
}

# measures of d (columns p, lp and either time/status or y) at horizon t.
measures <- function(d, t) {
  if (is.null(d$y)) measures_tte(d$time, d$status, d$lp, d$p, t) else measures_bin(d$y, d$p)
}

# Subgroups: levels of a column in byte order, or quintiles of a numeric column.
subgroups <- function(d, x, t, quintiles = FALSE) {
  key <- if (quintiles) ceiling(5 * rank(x, ties.method = "min") / length(x)) else x
  lapply(sort(unique(key), method = "radix"), function(k) {
    s <- key == k
    lev <- if (quintiles) list(level = sprintf("Q%d", k), min = min(x[s]), max = max(x[s]))
           else list(level = k)
    c(lev, measures(d[s, ], t))
  })
}

# Cox recalibration: S0 per horizon so that mean predicted risk = observed risk.
solve_s0 <- function(lp, observed) {
  f <- function(u) mean(-expm1(-exp(u + lp))) - observed   # u = log(-log S0)
  u <- uniroot(f, c(-60, 20), tol = 1e-15, maxiter = 10000)$root
  exp(-exp(u))
}
recalibrate_cox <- function(time, status, lp, chosen) {
  tt <- pmin(time, chosen); dd <- as.integer(status == 1 & time <= chosen)
  b <- unname(coef(coxph(Surv(tt, dd) ~ lp, control = cox_control)))
  obs <- sapply(horizons, function(h) km_at(time, status, h)["risk"])
  names(obs) <- names(horizons)
  list(chosen_horizon = chosen, observed = as.list(obs),
       baseline = as.list(sapply(obs, function(o) solve_s0(lp, o))),
       slope = b, baseline_with_slope = as.list(sapply(obs, function(o) solve_s0(b * lp, o))))
}

# Logistic recalibration: intercept per horizon with offset b * eta.
recalibrate_logistic <- function(ys, eta, alpha, chosen_label) {
  p_chosen <- plogis(alpha[[chosen_label]] + eta)
  b <- unname(coef(glm(ys[[chosen_label]] ~ qlogis(p_chosen), family = binomial,
                       control = glm_control))[2])
  fit_a <- function(y, off) unname(coef(glm(y ~ 1 + offset(off), family = binomial,
                                            control = glm_control)))
  labels <- names(alpha)
  list(chosen_horizon = horizons[[chosen_label]],
       intercept = setNames(lapply(labels, function(l)
         alpha[[l]] + fit_a(ys[[l]], alpha[[l]] + eta)), labels),
       slope = b,
       intercept_with_slope = setNames(lapply(labels, function(l) fit_a(ys[[l]], b * eta)), labels))
}

# rossi-cox: the fit of ../shared/reference/rossi/reference.R, refitted here.
full <- coxph(Surv(week, arrest) ~ fin + age + wexp + mar + paro + prio, data = rossi)
cox_lp <- function(d) unname(predict(full, newdata = d, type = "lp", reference = "sample"))
s0 <- summary(survfit(full), times = horizons)$surv
names(s0) <- names(horizons)

# rossi-logistic: arrest within 52 weeks among those released on parole; the 26-week
# intercept is refitted with the 52-week coefficients as an offset.
paroled <- subset(rossi, paro == "yes")
lfit <- glm(arrest52 ~ fin + age + wexp + mar + prio, family = binomial, data = paroled,
            control = glm_control)
b <- coef(lfit)
eta_of <- function(d, b) b[["finyes"]] * (d$fin == "yes") + b[["age"]] * d$age +
  b[["wexpyes"]] * (d$wexp == "yes") + b[["marnot married"]] * (d$mar == "not married") +
  b[["prio"]] * d$prio
a26 <- coef(glm(arrest26 ~ 1 + offset(eta_of(paroled, b)), family = binomial,
                data = paroled, control = glm_control))[[1]]
coef_ <- function(v, at) list(value = v, ref = list(source = "fit", at = at))
level <- function(id, label) list(id = id, label = label)
yes_no <- list(level("no", "No"), level("yes", "Yes"))
lookup <- function(id, label, levels, v) list(id = id, label = label, kind = "lookup",
  keys = list(id), table = list(
    list(key = list(levels[[1]]$id), value = 0, ref = list(source = "fit", at = "reference level")),
    list(key = list(levels[[2]]$id), value = v, ref = list(source = "fit",
         at = paste0("coefficients.", id, levels[[2]]$id)))))
linear <- function(id, label, v) list(id = id, label = label, kind = "linear", input = id,
  beta = coef_(v, paste0("coefficients.", id)))
predictor <- function(id, label, type, levels = NULL) {
  p <- list(id = id, label = label, type = type, ref = list(source = "data", at = paste("column", id)))
  if (!is.null(levels)) p$levels <- levels
  p
}
mar_levels <- list(level("married", "Married"), level("not married", "Not married"))
logistic_def <- list(
  format = "spiegel-model/1", id = "rossi-logistic", version = "test fixture",
  name = "Rossi arrests, logistic model (test fixture)", family = "logistic",
  outcome = "first arrest within 26 and 52 weeks of release",
  intended_use = "A test fixture for scoring's validation tests; not a risk instrument.",
  synthetic = TRUE,
  notice = "Test fixture fitted on part of a 1970s Maryland sample; not for use on real cases.",
  sources = list(
    data = list(citation = "Rossi et al. (1980) data, carData::Rossi, as ../shared/reference/rossi/rossi.csv."),
    fit = list(citation = paste0("glm(binomial) on the subjects released on parole, by ",
      "scoring/testdata/validation/validation.R (", R.version.string, ")."))),
  citation = list(source = "data", at = "carData::Rossi"),
  predictors = list(predictor("fin", "Financial aid", "level", yes_no),
                    predictor("age", "Age at release", "number"),
                    predictor("wexp", "Work experience", "level", yes_no),
                    predictor("mar", "Married", "level", mar_levels),
                    predictor("prio", "Previous convictions", "count")),
  terms = list(lookup("fin", "Financial aid", yes_no, b[["finyes"]]),
               linear("age", "Age at release", b[["age"]]),
               lookup("wexp", "Work experience", yes_no, b[["wexpyes"]]),
               lookup("mar", "Married", mar_levels, b[["marnot married"]]),
               linear("prio", "Previous convictions", b[["prio"]])),
  horizons = list(
    list(label = "26w", length = 26, unit = "week", intercept = coef_(a26, "offset fit, 26 weeks")),
    list(label = "52w", length = 52, unit = "week",
         intercept = coef_(b[["(Intercept)"]], "coefficients.(Intercept)"))))
logistic_path <- file.path(out, "rossi-logistic.json")
writeLines(toJSON(logistic_def, digits = NA, auto_unbox = TRUE, pretty = TRUE), logistic_path)

# Read the written model back, so that R and Go compute with the same printed numbers.
ld <- fromJSON(logistic_path, simplifyVector = FALSE)
lb <- list(finyes = ld$terms[[1]]$table[[2]]$value, age = ld$terms[[2]]$beta$value,
           wexpyes = ld$terms[[3]]$table[[2]]$value,
           "marnot married" = ld$terms[[4]]$table[[2]]$value, prio = ld$terms[[5]]$beta$value)
alpha <- list("26w" = ld$horizons[[1]]$intercept$value, "52w" = ld$horizons[[2]]$intercept$value)

# One validation: a model on a data set at a horizon.
validate <- function(name, model, data, outcome, label, d) {
  t <- horizons[[label]]
  list(name = name, model = model, data = data, outcome = outcome, horizon = t,
       measures = measures(d, t), calibration = calibration(d, t),
       subgroups = list(fin = subgroups(d, rossi$fin, t),
                        age_quintiles = subgroups(d, rossi$age, t, quintiles = TRUE)))
}
validations <- list()
eta <- eta_of(rossi, lb)
for (label in names(horizons)) {
  t <- horizons[[label]]
  lp <- cox_lp(rossi)
  p <- 1 - s0[[label]]^exp(lp)
  v <- validate("rossi-cox, rossi.csv, week/arrest", "rossi-cox", "rossi", "time:week,event:arrest",
                label, data.frame(time = rossi$week, status = rossi$arrest, lp = lp, p = p))
  v$recalibration <- recalibrate_cox(rossi$week, rossi$arrest, lp, t)
  validations[[length(validations) + 1]] <- v
  v <- validate("rossi-cox, rossi-derived.csv, week_c/arrest_c", "rossi-cox", "derived",
                "time:week_c,event:arrest_c", label,
                data.frame(time = rossi$week_c, status = rossi$arrest_c, lp = lp, p = p))
  v$recalibration <- recalibrate_cox(rossi$week_c, rossi$arrest_c, lp, t)
  validations[[length(validations) + 1]] <- v
  y <- rossi[[paste0("arrest", t)]]
  validations[[length(validations) + 1]] <- validate(
    "rossi-cox, rossi-derived.csv, binary", "rossi-cox", "derived",
    paste0("outcome:arrest", t), label, data.frame(y = y, lp = lp, p = p))
  pl <- plogis(alpha[[label]] + eta)
  v <- validate("rossi-logistic, rossi-derived.csv, binary", "rossi-logistic", "derived",
                paste0("outcome:arrest", t), label, data.frame(y = y, lp = eta, p = pl))
  v$recalibration <- recalibrate_logistic(list("26w" = rossi$arrest26, "52w" = rossi$arrest52),
                                          eta, alpha, label)
  validations[[length(validations) + 1]] <- v
}
res <- list(r_version = R.version.string,
            survival_version = as.character(packageVersion("survival")),
            z = qnorm(0.975), validations = validations)
writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, pretty = TRUE),
           file.path(out, "rossi-validation.json"))
