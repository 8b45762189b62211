/**
 * Add / edit one person. Each field says at once, next to it, what is wrong or worth knowing
 * (check digit and age from the ID, phone, Luhn warning, whether the address lies in 松江区).
 */
import { useMemo, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { Field, FieldGroup } from '@/components/ui/Field';
import { Button } from '@/components/ui/Button';
import { fieldFeedback, type CheckedField } from '@/utils/profiles/validation';
import type { Profile, ProfileInput } from '@/utils/profiles/schema';

type Text = {
  displayName: string;
  relation: string;
  name: string;
  idNumber: string;
  phone: string;
  mailingAddress: string;
  postcode: string;
  bankName: string;
  bankAccount: string;
  bankAccountName: string;
  notes: string;
};

export interface ProfileFormProps {
  initial?: Profile;
  volunteerMode: boolean;
  onSave: (input: ProfileInput) => Promise<string | null>;
  onCancel: () => void;
}

const CHECKED: CheckedField[] = ['name', 'idNumber', 'phone', 'mailingAddress', 'bankName', 'bankAccount', 'postcode'];

export function ProfileForm({ initial, volunteerMode, onSave, onCancel }: ProfileFormProps) {
  const [text, setText] = useState<Text>({
    displayName: initial?.displayName ?? '',
    relation: initial?.relation ?? '',
    name: initial?.name ?? '',
    idNumber: initial?.idNumber ?? '',
    phone: initial?.phone ?? '',
    mailingAddress: initial?.mailingAddress ?? '',
    postcode: initial?.postcode ?? '',
    bankName: initial?.bankName ?? '',
    bankAccount: initial?.bankAccount ?? '',
    bankAccountName: initial?.bankAccountName ?? '',
    notes: initial?.notes ?? '',
  });
  const [insuranceType, setInsuranceType] = useState<'employee' | 'resident' | ''>(initial?.insuranceType ?? '');
  const [deceased, setDeceased] = useState(!!initial?.deceased);
  const [isSelf, setIsSelf] = useState(!!initial?.isSelf);
  /** Volunteer mode: new people are temporary unless the volunteer unticks it (e.g. their own profile). */
  const [temporary, setTemporary] = useState(initial ? !!initial.temporary : volunteerMode);
  const showTemporary = volunteerMode || !!initial?.temporary;
  /** Fields the user has typed in (messages show while typing, all of them after a save attempt). */
  const [touched, setTouched] = useState<Set<string>>(new Set(initial ? CHECKED : []));
  const [showAll, setShowAll] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);

  const feedback = useMemo(() => {
    const out: Partial<Record<CheckedField, ReturnType<typeof fieldFeedback>>> = {};
    for (const f of CHECKED) out[f] = fieldFeedback(f, text[f]);
    return out;
  }, [text]);

  const set = (k: keyof Text) => (v: string) => {
    setText((old) => ({ ...old, [k]: v }));
    setTouched((old) => (old.has(k) ? old : new Set(old).add(k)));
  };
  const shown = (f: CheckedField) => (showAll || touched.has(f) ? feedback[f] : null);
  const blocking = CHECKED.filter((f) => feedback[f]?.level === 'error');
  const insuranceMissing = insuranceType === '';

  const submit = async (e: Event) => {
    e.preventDefault();
    setShowAll(true);
    if (blocking.length || insuranceMissing) {
      setServerError(t('profilesFormFixFirst'));
      const first = blocking[0];
      document.getElementById(first ? `pf-${first}` : 'pf-insurance-employee')?.focus();
      return;
    }
    setSaving(true);
    const input: ProfileInput = {
      ...(initial ? { id: initial.id, createdAt: initial.createdAt } : {}),
      temporary: showTemporary ? temporary : initial?.temporary,
      displayName: text.displayName,
      relation: text.relation,
      name: text.name,
      idNumber: text.idNumber,
      phone: text.phone,
      mailingAddress: text.mailingAddress,
      postcode: text.postcode,
      insuranceType: insuranceType as 'employee' | 'resident',
      bankName: text.bankName,
      bankAccount: text.bankAccount,
      bankAccountName: text.bankAccountName,
      notes: text.notes,
      deceased,
      isSelf,
    };
    const err = await onSave(input);
    setSaving(false);
    setServerError(err);
  };

  const field = (f: keyof Text, opts: { label: string; required?: boolean; hint?: string; inputMode?: 'numeric' | 'tel'; multiline?: boolean; placeholder?: string; max?: number }) => {
    const fb = (CHECKED as string[]).includes(f) ? shown(f as CheckedField) : null;
    return (
      <Field
        id={`pf-${f}`}
        testId={`profile-field-${f}`}
        label={opts.label}
        value={text[f]}
        onInput={set(f)}
        required={opts.required}
        hint={opts.hint}
        inputMode={opts.inputMode}
        multiline={opts.multiline}
        placeholder={opts.placeholder}
        maxLength={opts.max}
        level={fb?.level ?? null}
        messages={fb?.messages}
      />
    );
  };

  return (
    <form class="zh-profile-form" onSubmit={submit} noValidate aria-labelledby="pf-title" data-testid="profile-form">
      <h2 id="pf-title">{initial ? t('profilesFormEditTitle', initial.displayName || initial.name) : t('profilesFormAddTitle')}</h2>
      {showTemporary ? (
        <label class="zh-choice zh-banner">
          <input type="checkbox" checked={temporary} onChange={(e) => setTemporary((e.currentTarget as HTMLInputElement).checked)} data-testid="profile-field-temporary" />
          {t('profilesFormTemporary')}
        </label>
      ) : null}
      <p class="zh-note">{t('profilesFormStarNote')}</p>

      <FieldGroup legend={t('profilesFormGroupPerson')}>
        {field('displayName', { label: t('profilesField_displayName'), hint: t('profilesFormDisplayNameHint'), max: 20 })}
        {field('relation', { label: t('profilesField_relation'), hint: t('profilesFormRelationHint'), max: 20 })}
        {field('name', { label: t('profilesFormName'), required: true, max: 50 })}
        {field('idNumber', { label: t('profilesField_idNumber'), required: true, hint: t('profilesFormIdHint'), max: 22 })}
        <div class="zh-field" role="radiogroup" aria-labelledby="pf-insurance-label" aria-required="true">
          <span id="pf-insurance-label" class="zh-field__label">
            {t('profilesField_insuranceType')}
            <span class="zh-field__star" aria-hidden="true"> *</span>
          </span>
          <label class="zh-choice">
            <input type="radio" id="pf-insurance-employee" name="pf-insurance" checked={insuranceType === 'employee'} onChange={() => setInsuranceType('employee')} />
            {t('profilesInsuranceEmployee')}
          </label>
          <label class="zh-choice">
            <input type="radio" id="pf-insurance-resident" name="pf-insurance" checked={insuranceType === 'resident'} onChange={() => setInsuranceType('resident')} />
            {t('profilesInsuranceResident')}
          </label>
          <div class="zh-field__hint">{t('profilesFormInsuranceHint')}</div>
          {showAll && insuranceMissing ? (
            <div class="zh-field__msg zh-field__msg--error" role="alert">
              ✖ {t('profilesFormInsuranceMissing')}
            </div>
          ) : null}
        </div>
        <label class="zh-choice">
          <input type="checkbox" checked={isSelf} onChange={(e) => setIsSelf((e.currentTarget as HTMLInputElement).checked)} data-testid="profile-field-isSelf" />
          {t('profilesFormIsSelf')}
        </label>
        <label class="zh-choice">
          <input type="checkbox" checked={deceased} onChange={(e) => setDeceased((e.currentTarget as HTMLInputElement).checked)} />
          {t('profilesFormDeceased')}
        </label>
      </FieldGroup>

      <FieldGroup legend={t('profilesFormGroupContact')}>
        {field('phone', { label: t('profilesField_phone'), required: true, inputMode: 'tel', max: 20 })}
        {field('mailingAddress', { label: t('profilesField_mailingAddress'), required: true, hint: t('profilesFormAddressHint'), multiline: true, max: 200 })}
        {field('postcode', { label: t('profilesField_postcode'), inputMode: 'numeric', max: 6 })}
      </FieldGroup>

      <FieldGroup legend={t('profilesFormGroupBank')}>
        {field('bankName', { label: t('profilesField_bankName'), required: true, placeholder: t('profilesFormBankNamePlaceholder'), max: 50 })}
        {field('bankAccount', { label: t('profilesField_bankAccount'), required: true, inputMode: 'numeric', hint: t('profilesFormBankAccountHint'), max: 40 })}
        {field('bankAccountName', { label: t('profilesField_bankAccountName'), hint: t('profilesFormBankAccountNameHint'), placeholder: text.name, max: 50 })}
      </FieldGroup>

      {field('notes', { label: t('profilesField_notes'), multiline: true, max: 500 })}

      {serverError ? (
        <p class="zh-error" role="alert" data-testid="profile-form-error">
          {serverError}
        </p>
      ) : null}
      <div class="zh-actions">
        <Button type="submit" variant="primary" disabled={saving} testId="profile-save">
          {saving ? t('profilesSaving') : t('profilesSave')}
        </Button>
        <Button onClick={onCancel} testId="profile-cancel">
          {t('profilesCancel')}
        </Button>
      </div>
    </form>
  );
}
