/* fw-model.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The limits of ../shared/MODEL.md, in one place. */
#define FW_MIN_STAGES          2
#define FW_MAX_STAGES          16
#define FW_MIN_SCENARIOS       1
#define FW_MAX_SCENARIOS       50
#define FW_MAX_POINTS          1000
#define FW_MIN_HORIZON         1
#define FW_MAX_HORIZON         100000
#define FW_MAX_NAME_CHARS      80
#define FW_MAX_NOTE_CHARS      2000
#define FW_MAX_COUNT           1e12
#define FW_MAX_REFERRAL        100.0
#define FW_MAX_WEIGHT          100.0
#define FW_MIN_CONVERSION      (-1.0)
#define FW_MAX_CONVERSION      10.0
#define FW_MIN_CHURN_EFFECT    (-1.0)
#define FW_MAX_CHURN_EFFECT    1.0
#define FW_MIN_REFERRAL_EFFECT (-1.0)
#define FW_MAX_REFERRAL_EFFECT 10.0
#define FW_MAX_SPREAD          1.0

typedef enum
{
  FW_PERIOD_WEEK,
  FW_PERIOD_MONTH,
  FW_PERIOD_QUARTER,
} FwPeriod;

typedef enum
{
  FW_POINT_FRICTION,
  FW_POINT_FORCE,
} FwPointKind;

/* The model is plain data: structs the engine reads without indirection.
 * Strings are owned, UTF-8. Nothing here checks a value: fw-validate.h
 * does, and every way into the model (JSON, project files, the window)
 * goes through it.
 *
 * Versions share what they have in common (docs/architecture.md,
 * "Versions share scenarios"): a project holds references to its
 * scenarios, and a scenario to its list of stages and its list of
 * points, so that fw_project_copy () copies no scenario and an edit
 * copies only what it changes. The rule that makes this safe: what more
 * than one holds is never changed. A scenario (or a list of it) is
 * written only when its holder made it its own first, with
 * fw_project_edit_scenario (); a scenario just made (fw_scenario_new (),
 * fw_scenario_copy (), a loader) is its maker's own until shared.
 * References are atomic: versions are read on other threads (a save, a
 * recovery copy, the projection service's jobs). */

typedef struct
{
  char     *name;
  char      color[8];   /* "#rrggbb", lower case */
  double    count;      /* N_i(0) */
  gboolean  customer;
  double    advance;    /* a_i */
  double    loss;       /* l_i */
  double    referral;   /* r_i */
  double    weight;
} FwStage;

typedef struct
{
  char        *name;
  FwPointKind  kind;
  double       angle;       /* degrees clockwise from 12 o'clock, any finite value */
  double       conversion;  /* c: relative change of the stage's advance */
  double       churn;       /* d: absolute change of the stage's loss */
  double       referral;    /* q: relative change of the stage's referral */
  gboolean     enabled;
  char        *note;
} FwPoint;

/* How far each kind of input may be off, as relative spreads in [0, 1]
 * (MODEL.md, "Uncertainty"); all 0 means no band beyond the figure. */
typedef struct
{
  double advance;
  double loss;
  double referral;
  double inflow;
} FwUncertainty;

typedef struct
{
  char         *name;
  double        inflow;       /* E */
  FwUncertainty uncertainty;
  GPtrArray    *stages;       /* of FwStage*, owned, maybe shared (see above) */
  GPtrArray    *points;       /* of FwPoint*, owned, maybe shared (see above) */

  /*< private >*/
  gatomicrefcount  ref_count;
  /* How many scenarios hold @stages and @points: an edit of a
   * scenario's own values (its name, inflow, spreads) shares both
   * lists, and an edit of a stage still shares the points. */
  gatomicrefcount *stages_holders;
  gatomicrefcount *points_holders;
} FwScenario;

typedef struct
{
  char      *name;
  FwPeriod   period;
  guint      horizon;
  GPtrArray *scenarios; /* of FwScenario*, a reference each, maybe shared */
} FwProject;

/* The parts of a scenario an edit changes (fw_project_edit_scenario ()). */
typedef enum
{
  /* Its own values only: name, inflow, spreads. */
  FW_SCENARIO_OWN_VALUES = 0,
  FW_SCENARIO_STAGES     = 1 << 0,
  FW_SCENARIO_POINTS     = 1 << 1,
  FW_SCENARIO_ALL        = FW_SCENARIO_STAGES | FW_SCENARIO_POINTS,
} FwScenarioParts;

/* Constructors fill in MODEL.md's defaults; fw_stage_new takes the index
 * the stage will have, which picks its default colour. */
FwStage    *fw_stage_new        (const char *name, guint index);
FwStage    *fw_stage_copy       (const FwStage *stage);
void        fw_stage_free       (FwStage *stage);

FwPoint    *fw_point_new        (const char *name, double angle);
FwPoint    *fw_point_copy       (const FwPoint *point);
void        fw_point_free       (FwPoint *point);

/* A new scenario, the caller's own (one reference). */
FwScenario *fw_scenario_new     (const char *name);
/* A deep copy, sharing nothing with @scenario: the caller's own. */
FwScenario *fw_scenario_copy    (const FwScenario *scenario);
/* Another holder of @scenario: from now on neither may change it. */
FwScenario *fw_scenario_ref     (const FwScenario *scenario);
void        fw_scenario_unref   (FwScenario *scenario);
FwStage    *fw_scenario_get_stage (const FwScenario *scenario, guint index);
FwPoint    *fw_scenario_get_point (const FwScenario *scenario, guint index);

/* TRUE when no spread is set: the band is the figure itself. */
gboolean    fw_uncertainty_is_zero (const FwUncertainty *uncertainty);

FwProject  *fw_project_new      (const char *name);
/* A new version of @project: its own fields and list of scenarios, the
 * scenarios themselves shared (fw_project_edit_scenario () before
 * changing one). */
FwProject  *fw_project_copy     (const FwProject *project);
/* Scenario @index of @project, made @project's own so that it may be
 * changed: copied if another holds it (its own values only, sharing its
 * lists), and each list named in @parts copied too if shared. What is
 * not named in @parts must not be changed. Costs nothing the second
 * time. */
FwScenario *fw_project_edit_scenario (FwProject      *project,
                                      guint           index,
                                      FwScenarioParts parts);
/* The bytes @project holds that @other does not share with it (its
 * own lists, stages and points, counted with their strings): what
 * keeping @project besides @other costs. @other may be NULL. */
gsize       fw_project_bytes_apart (const FwProject *project,
                                    const FwProject *other);
void        fw_project_free     (FwProject *project);
FwScenario *fw_project_get_scenario (const FwProject *project, guint index);
FwScenario *fw_project_find_scenario (const FwProject *project, const char *name);

const char *fw_period_to_string     (FwPeriod period);
gboolean    fw_period_from_string   (const char *text, FwPeriod *period);
/* Whether @point's effects work against its kind: a friction that helps
 * (improves conversion, cuts churn or raises referrals) or a force that
 * hurts. MODEL.md's arithmetic follows the effects, never the kind, so
 * such a point is valid; the window flags it wherever it shows. */
gboolean    fw_point_works_against_kind (const FwPoint *point);
const char *fw_point_kind_to_string (FwPointKind kind);
gboolean    fw_point_kind_from_string (const char *text, FwPointKind *kind);

/* The default arc colour of the stage at @index ("#rrggbb"). */
const char *fw_palette_color    (guint index);

/* MODEL.md's angle on the rim: @angle modulo 360, in [0, 360]. (360
 * itself only when a tiny negative angle rounds up; it belongs to the
 * last stage, as an angle past the last boundary does.) */
double      fw_angle_normalize  (double angle);

/* Where a rim angle lands: the index of the stage whose arc holds @angle
 * (taken modulo 360), as MODEL.md defines it. */
guint       fw_scenario_stage_at_angle (const FwScenario *scenario, double angle);
/* The arc of stage @index in degrees clockwise from 12 o'clock. */
void        fw_scenario_stage_arc (const FwScenario *scenario, guint index,
                                   double *start, double *end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwStage, fw_stage_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwPoint, fw_point_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwScenario, fw_scenario_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwProject, fw_project_free)

G_END_DECLS
