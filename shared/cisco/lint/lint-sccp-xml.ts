import { msg } from '../../i18n/message';
import { parseSepCnfXml } from '../config/sep-cnf-xml';
import { parseXmlDefaultCnfXml } from '../config/xml-default-cnf-xml';
import { modelInfo, PHONE_MODELS } from '../phone-files';
import type { Add, LintContext } from './lint-finding';
import { lintImageRef } from './lint-image-ref';

/** SEP<MAC>.cnf.xml and XMLDefault.cnf.xml (CTLSEP<MAC>.tlv is binary: not checked). */
export function lintSccpXml(fileName: string, text: string, context: LintContext, add: Add): void {
  const base = (fileName.split(/[\\/]/).pop() ?? '').toLowerCase();
  if (base.endsWith('.tlv')) return;
  if (base.startsWith('xmldefault')) {
    lintXmlDefault(text, context, add);
    return;
  }
  const models = PHONE_MODELS.map((m) => modelInfo(m).modelString);
  const { config, problems, loadLine } = parseSepCnfXml(text);
  for (const p of problems) add(p.line, 'error', p.message, msg('lint.xml.fix'));
  if (text.trim() === '') {
    add(1, 'error', msg('lint.sep.empty'), msg('lint.sep.empty.fix'));
    return;
  }
  if (config.model !== undefined && !models.includes(config.model)) {
    add(loadLine ?? 1, 'warning', msg('lint.sep.unknownModel', { model: config.model }), msg('lint.sep.unknownModel.fix', { models: models.map((m) => `"${m}"`).join(' / ') }));
  }
  if (config.loadInformation !== undefined) lintImageRef(config.loadInformation, loadLine ?? 1, 'loadInformation', 'config', context, add);
  else add(1, 'warning', msg('lint.sep.noLoad'), msg('lint.sep.noLoad.fix'));
  const planProtocol = context.planProtocol;
  if (config.deviceProtocol !== undefined && planProtocol !== undefined && config.deviceProtocol !== planProtocol) {
    add(1, 'error', msg('lint.sep.deviceProtocol', { protocol: config.deviceProtocol, planProtocol }), msg('lint.sep.deviceProtocol.fix', { planProtocol }));
  }
}

function lintXmlDefault(text: string, context: LintContext, add: Add): void {
  const { config, problems } = parseXmlDefaultCnfXml(text);
  for (const p of problems) add(p.line, 'error', p.message, msg('lint.xml.fix'));
  const seen = new Map<number, string>();
  for (const l of config.loads) {
    const line = l.line ?? 1;
    const before = seen.get(l.typeId);
    if (before !== undefined && before.trim() !== l.loadId.trim()) {
      add(line, 'error', msg('lint.xml.twoLoads', { typeId: l.typeId, first: before, second: l.loadId }), msg('lint.xml.twoLoads.fix', { typeId: l.typeId }));
    }
    if (before === undefined) seen.set(l.typeId, l.loadId);
    const model = PHONE_MODELS.map(modelInfo).find((m) => m.deviceTypeId === l.typeId);
    if (model === undefined) {
      add(line, 'warning', msg('lint.xml.notModelElement', { typeId: l.typeId }), msg('lint.xml.notModelElement.fix'));
      continue;
    }
    if (l.model !== undefined && l.model !== model.modelString) {
      add(
        line,
        'error',
        msg('lint.xml.modelMismatch', { typeId: l.typeId, model: model.modelString, written: l.model }),
        msg('lint.xml.modelMismatch.fix', { model: model.modelString }),
      );
    }
    lintImageRef(l.loadId, line, `loadInformation${l.typeId}`, 'config', context, add, true);
  }
}
