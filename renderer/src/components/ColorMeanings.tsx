import { useState } from 'react';
import type { MarginApi } from '../../../electron/common/api';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../electron/common/model';

interface Props {
  api: MarginApi;
  meanings: Partial<Record<HighlightColor, string>>;
  onSaved(meanings: Partial<Record<HighlightColor, string>>): void;
  notify(text: string, tone?: 'info' | 'error'): void;
}

/** What each highlight color means; export adds the meaning to each highlight as a tag. */
export function ColorMeanings({ api, meanings, onSaved, notify }: Props) {
  const [draft, setDraft] = useState<Partial<Record<HighlightColor, string>> | null>(null);
  const shown = draft ?? meanings;
  const save = async (color: HighlightColor) => {
    const value = shown[color] ?? '';
    if (value === meanings[color]) return;
    try {
      const settings = await api.updateColorMeanings({ [color]: value });
      onSaved(settings.colorMeanings);
      setDraft(null);
    } catch (error) {
      notify(`The color's meaning was not saved: ${(error as Error).message}`, 'error');
    }
  };
  return (
    <fieldset className="color-meanings">
      <legend>What each color means (exported as a tag)</legend>
      {HIGHLIGHT_COLORS.map((color) => (
        <label key={color} className="color-meaning-row">
          <span className={`swatch hl-${color}`} aria-hidden="true" />
          <span className="color-name">{color}</span>
          <input
            type="text"
            maxLength={60}
            aria-label={`Meaning of ${color}`}
            value={shown[color] ?? ''}
            onChange={(e) => setDraft({ ...shown, [color]: e.target.value })}
            onBlur={() => void save(color)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void save(color);
            }}
          />
        </label>
      ))}
    </fieldset>
  );
}
